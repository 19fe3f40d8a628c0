package com.creditdesk.system;

import java.io.IOException;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a person may submit at a step of a process: the fields of the step's deployed Camunda Form (its
 * {@code camunda:formRef}) that the person can edit. Fields shown for reading are {@code disabled} in our forms, and
 * Tasklist's form-js never submits disabled fields, so they are not part of the contract either. The contract is
 * read from the very form the engine deployed with the process, so it cannot drift from what Tasklist shows.
 */
final class FormContracts {

	static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

	/** The custom property that marks a form field transient. */
	static final String TRANSIENT = "transient";

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Form contracts by form definition id (a deployed form never changes). */
	private final ConcurrentHashMap<String, FormContract> forms = new ConcurrentHashMap<>();

	/**
	 * The contract of each step whose form is bound to a fixed form (binding {@code deployment} or {@code version}), by
	 * process definition and element: a step checked, typed and prefilled on every completion looks its form up once.
	 */
	private final ConcurrentHashMap<String, Optional<FormContract>> steps = new ConcurrentHashMap<>();

	/**
	 * The form a person fills in at a step, the process variables it may set, and which of them the process keeps
	 * only for the step's own transaction ({@link TransientFields}).
	 */
	record FormContract(String formId, Set<String> fields, Set<String> transientFields) {

		FormContract(String formId, Set<String> fields) {
			this(formId, fields, Set.of());
		}

		/** The submitted names the form does not ask for, sorted. */
		Set<String> undeclared(Collection<String> names) {
			Set<String> extra = new TreeSet<>(names);
			extra.removeAll(fields);
			return extra;
		}

	}

	/** The contract of a user task, or empty if the task has no Camunda Form. */
	Optional<FormContract> ofActivity(CommandContext context, String processDefinitionId, String activityId) {
		BpmnModelInstance model = context.getProcessEngineConfiguration()
			.getDeploymentCache()
			.findBpmnModelInstanceForProcessDefinition(processDefinitionId);
		ModelElementInstance element = model == null ? null : model.getModelElementById(activityId);
		return element == null ? Optional.empty() : ofElement(context, processDefinitionId, element);
	}

	/** The contract of the process's (none) start event, or empty if a person has no start form for it. */
	Optional<FormContract> ofStart(CommandContext context, ProcessDefinitionEntity definition) {
		BpmnModelInstance model = context.getProcessEngineConfiguration()
			.getDeploymentCache()
			.findBpmnModelInstanceForProcessDefinition(definition.getId());
		if (model == null) {
			return Optional.empty();
		}
		Process process = model.getModelElementById(definition.getKey());
		if (process == null) {
			return Optional.empty();
		}
		return process.getChildElementsByType(StartEvent.class)
			.stream()
			.filter(start -> start.getEventDefinitions().isEmpty())
			.filter(start -> start.getAttributeValueNs(CAMUNDA_NS, "formRef") != null)
			.findFirst()
			.flatMap(start -> ofElement(context, definition.getId(), start));
	}

	private Optional<FormContract> ofElement(CommandContext context, String processDefinitionId,
			ModelElementInstance element) {
		String binding = element.getAttributeValueNs(CAMUNDA_NS, "formRefBinding");
		if (binding == null || "latest".equals(binding)) {
			return lookUp(context, processDefinitionId, element, binding); // a newer form may be deployed any time
		}
		String key = processDefinitionId + "#" + element.getAttributeValue("id");
		Optional<FormContract> known = steps.get(key);
		if (known == null) {
			known = lookUp(context, processDefinitionId, element, binding);
			steps.putIfAbsent(key, known);
		}
		return known;
	}

	private Optional<FormContract> lookUp(CommandContext context, String processDefinitionId,
			ModelElementInstance element, String binding) {
		String formRef = element.getAttributeValueNs(CAMUNDA_NS, "formRef");
		if (formRef == null || formRef.isBlank()) {
			return Optional.empty();
		}
		ProcessDefinitionEntity definition = context.getProcessEngineConfiguration()
			.getDeploymentCache()
			.findDeployedProcessDefinitionById(processDefinitionId);
		CamundaFormDefinitionEntity form;
		if (binding == null || "latest".equals(binding)) {
			form = context.getCamundaFormDefinitionManager()
				.findLatestDefinitionByKeyAndTenantId(formRef, definition.getTenantId());
		}
		else if ("version".equals(binding)) {
			form = context.getCamundaFormDefinitionManager()
				.findDefinitionByKeyVersionAndTenantId(formRef,
						Integer.valueOf(element.getAttributeValueNs(CAMUNDA_NS, "formRefVersion")),
						definition.getTenantId());
		}
		else {
			form = context.getCamundaFormDefinitionManager()
				.findDefinitionByDeploymentAndKey(definition.getDeploymentId(), formRef);
		}
		if (form == null) {
			throw new IllegalStateException("Form '" + formRef + "' of " + processDefinitionId + " is not deployed");
		}
		return Optional.of(forms.computeIfAbsent(form.getId(), id -> read(context, form)));
	}

	private static FormContract read(CommandContext context, CamundaFormDefinitionEntity form) {
		ResourceEntity resource = context.getResourceManager()
			.findResourceByDeploymentIdAndResourceName(form.getDeploymentId(), form.getResourceName());
		try {
			JsonNode json = JSON.readTree(resource.getBytes());
			return new FormContract(form.getKey(), editableFields(json), transientFields(json));
		}
		catch (IOException e) {
			throw new IllegalStateException("Form " + form.getResourceName() + " is not valid JSON", e);
		}
	}

	/**
	 * The top-level variable names a form submits: every keyed field that is not disabled or read-only (a field in a
	 * group with a {@code path}, or with a dotted key, submits the first segment of its path).
	 */
	static Set<String> editableFields(JsonNode form) {
		Set<String> fields = new TreeSet<>();
		collect(form, null, fields);
		return Set.copyOf(fields);
	}

	/**
	 * The editable fields whose values CreditDesk keeps in its own tables, marked in the form with the custom property
	 * {@code "properties": {"transient": "true"}}: the process reads them while the step runs and does not keep them
	 * as variables.
	 */
	static Set<String> transientFields(JsonNode form) {
		Set<String> fields = new TreeSet<>();
		collectTransient(form, fields);
		fields.retainAll(editableFields(form));
		return Set.copyOf(fields);
	}

	private static void collectTransient(JsonNode container, Set<String> fields) {
		for (JsonNode component : container.path("components")) {
			if (component.hasNonNull("key") && !component.hasNonNull("path")
					&& "true".equals(component.path("properties").path(TRANSIENT).asText())) {
				fields.add(component.path("key").asText());
			}
			collectTransient(component, fields);
		}
	}

	private static void collect(JsonNode container, String pathPrefix, Set<String> fields) {
		for (JsonNode component : container.path("components")) {
			String prefix = pathPrefix;
			if (component.hasNonNull("path") && !component.path("path").asText().isBlank()) {
				prefix = prefix == null ? component.path("path").asText() : prefix;
			}
			if (component.hasNonNull("key") && !component.path("disabled").asBoolean(false)
					&& !component.path("readonly").asBoolean(false)) {
				String path = prefix == null ? component.path("key").asText() : prefix;
				fields.add(path.split("\\.", 2)[0]);
			}
			collect(component, prefix, fields);
		}
	}

}
