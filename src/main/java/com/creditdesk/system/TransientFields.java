package com.creditdesk.system;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Form fields whose values CreditDesk keeps in its own tables (the investigation's company facts, statement figures,
 * ratings and notes, which the customer and the credit file record) reach the process as transient variables: the
 * step's delegates and decisions read them in the step's transaction, and the engine neither stores them as variables
 * nor writes their history, which would only repeat our tables. A form marks such a field with the custom property
 * {@code "properties": {"transient": "true"}}; the form, not the client, decides which fields are transient.
 * <p>
 * A field stays a plain variable where the process already holds it as one (a form prefilled from earlier values).
 * When the same transaction creates a user task whose form asks for such a field again (the figures could not be
 * scored: "correct the figures"), the task is given what was typed as its own variables, so the person corrects
 * rather than retypes; on that rare path the task's copies are stored (with their history) until it is completed.
 */
final class TransientFields {

	private final FormContracts contracts;

	TransientFields(FormContracts contracts) {
		this.contracts = contracts;
	}

	/**
	 * The submitted variables, each typed transient or not as the form says. {@code holder} is the scope the step writes
	 * to (null at a start).
	 */
	static VariableMap typed(FormContracts.FormContract contract, Map<String, Object> submitted, VariableScope holder) {
		VariableMap typed = Variables.createVariables();
		if (submitted == null) {
			return typed;
		}
		VariableMap values = Variables.fromMap(submitted);
		for (String name : submitted.keySet()) {
			boolean wanted = contract.transientFields().contains(name) && !StepValue.stored(holder, name);
			typed.putValueTyped(name, transience(values.getValueTyped(name), wanted));
		}
		return typed;
	}

	/**
	 * A task completion's variables, transient where the task's form says; a transient field the person left as it
	 * was prefilled ({@link #prefill}) is carried over from the task, as if resubmitted.
	 */
	static VariableMap completion(FormContracts.FormContract contract, Map<String, Object> submitted, TaskEntity task) {
		VariableMap typed = typed(contract, submitted, task.getExecution());
		for (String name : contract.transientFields()) {
			TypedValue prefilled = task.getVariableLocalTyped(name);
			if (prefilled == null) {
				continue;
			}
			if (!typed.containsKey(name)) {
				typed.putValueTyped(name, transience(prefilled, !StepValue.stored(task.getExecution(), name)));
			}
			// the task's copy goes, so that the value reaches the process (a form submission writes to the task)
			task.removeVariableLocal(name);
		}
		return typed;
	}

	/** Whether a person's step is running on this thread: only then can a new task need transient values. */
	private static final ThreadLocal<Boolean> STEP = new ThreadLocal<>();

	static <T> T duringStep(java.util.function.Supplier<T> step) {
		Boolean outer = STEP.get();
		STEP.set(Boolean.TRUE);
		try {
			return step.get();
		}
		finally {
			if (outer == null) {
				STEP.remove();
			}
		}
	}

	/** Copies the transient values the task's form asks for onto the task (see the class comment). */
	void prefill(DelegateTask task) {
		CommandContext context = Context.getCommandContext();
		if (STEP.get() == null || context == null || task.getProcessDefinitionId() == null
				|| task.getExecution() == null) {
			return;
		}
		contracts.ofActivity(context, task.getProcessDefinitionId(), task.getTaskDefinitionKey())
			.ifPresent(contract -> {
				for (String name : contract.fields()) {
					TypedValue value = task.getExecution().getVariableTyped(name);
					if (value != null && value.isTransient()) {
						task.setVariableLocal(name, transience(value, false));
					}
				}
			});
	}

	static TypedValue transience(TypedValue value, boolean isTransient) {
		if (value == null) {
			return Variables.untypedNullValue(isTransient);
		}
		if (value.isTransient() == isTransient) {
			return value;
		}
		ValueType type = value.getType();
		if (type == null) {
			return Variables.untypedValue(value.getValue(), isTransient);
		}
		Map<String, Object> info = new HashMap<>(type.getValueInfo(value));
		info.put(ValueType.VALUE_INFO_TRANSIENT, isTransient);
		return type.createValue(value.getValue(), info);
	}

}
