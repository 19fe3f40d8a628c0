package com.creditdesk.policy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.creditdesk.system.DecisionVocabulary;
import com.creditdesk.system.InvalidRequestException;
import com.creditdesk.system.Messages;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks a candidate policy before anyone may propose it:
 * <ol>
 * <li>it parses as DMN (otherwise it is refused outright: 400);</li>
 * <li>it keeps its contract, the released file's interface that the processes, the credit check and the score
 * explanation rely on: every decision id, each decision table's hit policy, its inputs (by expression) and its
 * outputs (by name and type), and a history time to live on every decision (the engine refuses a deployment
 * without);</li>
 * <li>every rule's cells are FEEL the engine can read;</li>
 * <li>it passes the decision's own test cases ({@code policy/cases/<key>.json}, the same cases the DMN tests run
 * on the released file).</li>
 * </ol>
 * Findings name the decision, the rule and the column.
 * <p>
 * Longer than 300 lines on purpose: the validation is one pipeline (XML screen, contract, readable cells,
 * vocabularies, test cases) whose steps report into one list of violations.
 */
@Component
public class PolicyValidator {

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * One finding.
	 * @param decision the decision id; {@code rule} and {@code column} are {@code null} when it is about the whole
	 *        decision
	 */
	public record Violation(String decision, String rule, String column, String message) {
	}

	/** One test case of a policy: the inputs of one decision and the outputs expected (of its first result). */
	public record TestCase(String decision, String description, Map<String, Object> inputs, Map<String, Object> expect,
			Integer expectResults) {
	}

	public record CaseFailure(String decision, String description, String expected, String actual) {
	}

	public record Cases(int total, int passed, List<CaseFailure> failures) {
	}

	/** @param valid no violation and every case passed */
	public record Validation(boolean valid, List<Violation> violations, Cases cases) {
	}

	/** Findings kept with a candidate: the first ones say what to fix. */
	private static final int MAX_VIOLATIONS = 30;


	/** The DMN engine and its FEEL engine, built on the first validation, not at start. */
	private final com.creditdesk.system.Lazy<Engines> engines = com.creditdesk.system.Lazy.of(() -> {
		DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
			.createDefaultDmnEngineConfiguration();
		DmnEngine engine = configuration.buildEngine();
		return new Engines(engine, configuration.getFeelEngine());
	});

	private record Engines(DmnEngine dmn, org.camunda.bpm.dmn.feel.impl.FeelEngine feel) {
	}


	/** The outputs whose values name something set up in a table (approval tiers, collection stages). */
	private final List<DecisionVocabulary> vocabularies;

	PolicyValidator() {
		this(List.of());
	}

	@org.springframework.beans.factory.annotation.Autowired
	PolicyValidator(List<DecisionVocabulary> vocabularies) {
		this.vocabularies = List.copyOf(vocabularies);
	}

	/** The candidate as a model; 400 with the parser's reason when it is no DMN. */
	static DmnModelInstance parse(String xml) {
		if (xml == null || xml.isBlank()) {
			throw new InvalidRequestException(Messages.text("policy.xmlMissing"), Map.of("xml", Messages.text("policy.xmlMissing")));
		}
		screen(xml);
		try {
			return Dmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
		}
		catch (RuntimeException e) {
			String reason = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
			throw new InvalidRequestException(Messages.text("policy.xmlUnreadable", reason), Map.of("xml", reason));
		}
	}

	/** The vocabularies a policy file may use: DMN 1.3 with its diagram, Camunda's extensions, dmn-js's own. */
	private static final java.util.Set<String> NAMESPACES = java.util.Set.of("https://www.omg.org/spec/DMN/20191111/MODEL/",
			"https://www.omg.org/spec/DMN/20191111/DMNDI/", "http://www.omg.org/spec/DMN/20180521/DC/",
			"http://www.omg.org/spec/DMN/20180521/DI/", "http://camunda.org/schema/1.0/dmn",
			"http://camunda.org/schema/modeler/1.0", "http://bpmn.io/schema/dmn/biodi/2.0");

	/**
	 * Refuses what a policy file must never carry, before anything parses or evaluates it: elements of other
	 * vocabularies (a script in the XHTML namespace, say) and expressions in any language but FEEL (JUEL or a script
	 * would run code in the server). A document type declaration is refused by the parser.
	 */
	static void screen(String xml) {
		org.w3c.dom.Document document;
		try {
			javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			document = factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(xml)));
		}
		catch (Exception e) {
			throw new InvalidRequestException(Messages.text("policy.xmlUnreadable", e.getMessage()), Map.of("xml",
					String.valueOf(e.getMessage())));
		}
		org.w3c.dom.NodeList elements = document.getElementsByTagNameNS("*", "*");
		for (int i = 0; i < elements.getLength(); i++) {
			org.w3c.dom.Element element = (org.w3c.dom.Element) elements.item(i);
			if (!NAMESPACES.contains(String.valueOf(element.getNamespaceURI()))) {
				String message = Messages.text("policy.foreignElement", element.getTagName(), element.getNamespaceURI());
				throw new InvalidRequestException(message, Map.of("xml", message));
			}
			String language = element.getAttribute("expressionLanguage");
			if (!language.isEmpty() && !language.equalsIgnoreCase("feel") && !language.toLowerCase().endsWith("/feel/")
					&& !language.toLowerCase().endsWith("/feel")) {
				String message = Messages.text("policy.notFeel", element.getTagName(), language);
				throw new InvalidRequestException(message, Map.of("xml", message));
			}
		}
	}

	public Validation validate(PolicyCatalog.Policy policy, String xml) {
		DmnModelInstance candidate = parse(xml);
		List<Violation> violations = new ArrayList<>();
		contract(policy.released(), candidate, violations);
		cells(candidate, violations);
		if (violations.size() > MAX_VIOLATIONS) {
			violations.subList(MAX_VIOLATIONS, violations.size()).clear();
		}
		Cases cases = violations.isEmpty() ? runCases(policy.key(), xml) : new Cases(cases(policy.key()).size(), 0, List.of());
		return new Validation(violations.isEmpty() && cases.failures().isEmpty() && cases.passed() == cases.total(),
				violations, cases);
	}

	private static void contract(DmnModelInstance released, DmnModelInstance candidate, List<Violation> violations) {
		java.util.Set<String> releasedIds = new java.util.HashSet<>();
		released.getModelElementsByType(Decision.class).forEach(d -> releasedIds.add(d.getId()));
		for (Decision extra : candidate.getModelElementsByType(Decision.class)) {
			if (!releasedIds.contains(extra.getId())) {
				violations.add(new Violation(extra.getId(), null, null, Messages.text("policy.decisionUnknown", extra.getId())));
			}
		}
		for (Decision expected : released.getModelElementsByType(Decision.class)) {
			String id = expected.getId();
			Decision actual = candidate.getModelElementById(id) instanceof Decision d ? d : null;
			if (actual == null) {
				violations.add(new Violation(id, null, null, Messages.text("policy.decisionMissing", id)));
				continue;
			}
			if (actual.getCamundaHistoryTimeToLiveString() == null || actual.getCamundaHistoryTimeToLiveString().isBlank()) {
				violations.add(new Violation(id, null, null, Messages.text("policy.historyTimeToLiveMissing", id)));
			}
			if (!requires(expected).equals(requires(actual))) {
				violations.add(new Violation(id, null, null, Messages.text("policy.requirementsChanged", id,
						String.join(", ", requires(expected)), String.join(", ", requires(actual)))));
			}
			DecisionTable expectedTable = table(expected);
			DecisionTable actualTable = table(actual);
			if (expectedTable == null || actualTable == null) {
				if ((expectedTable == null) != (actualTable == null)) {
					violations.add(new Violation(id, null, null, Messages.text("policy.expressionKindChanged", id)));
				}
				continue;
			}
			if (!Objects.equals(expectedTable.getHitPolicy(), actualTable.getHitPolicy())
					|| !Objects.equals(expectedTable.getAggregation(), actualTable.getAggregation())) {
				violations.add(new Violation(id, null, null, Messages.text("policy.hitPolicyChanged", id,
						hitPolicy(expectedTable), hitPolicy(actualTable))));
			}
			List<String> expectedInputs = inputs(expectedTable);
			List<String> actualInputs = inputs(actualTable);
			for (String input : expectedInputs) {
				if (!actualInputs.contains(input)) {
					violations.add(new Violation(id, null, input, Messages.text("policy.inputMissing", input)));
				}
			}
			for (String input : actualInputs) {
				if (!expectedInputs.contains(input)) {
					violations.add(new Violation(id, null, input, Messages.text("policy.inputUnknown", input,
							String.join(", ", expectedInputs))));
				}
			}
			Map<String, String> expectedOutputs = outputs(expectedTable);
			Map<String, String> actualOutputs = outputs(actualTable);
			expectedOutputs.forEach((name, type) -> {
				if (!actualOutputs.containsKey(name)) {
					violations.add(new Violation(id, null, name, Messages.text("policy.outputMissing", name)));
				}
				else if (!Objects.equals(type, actualOutputs.get(name))) {
					violations.add(new Violation(id, null, name, Messages.text("policy.outputTypeChanged", name, type,
							actualOutputs.get(name))));
				}
			});
			for (String name : actualOutputs.keySet()) {
				if (!expectedOutputs.containsKey(name)) {
					violations.add(new Violation(id, null, name, Messages.text("policy.outputUnknown", name)));
				}
			}
		}
	}

	/** Every input entry must be readable FEEL unary tests and every output entry a readable FEEL expression. */
	private void cells(DmnModelInstance candidate, List<Violation> violations) {
		for (Decision decision : candidate.getModelElementsByType(Decision.class)) {
			DecisionTable table = table(decision);
			if (table == null) {
				continue;
			}
			List<Input> inputs = new ArrayList<>(table.getInputs());
			List<Output> outputs = new ArrayList<>(table.getOutputs());
			Map<String, Object> sample = new LinkedHashMap<>();
			for (Input input : inputs) {
				sample.put(expression(input), sampleOf(input.getInputExpression().getTypeRef()));
			}
			VariableContext context = Variables.fromMap(sample).asVariableContext();
			for (Rule rule : table.getRules()) {
				List<InputEntry> entries = new ArrayList<>(rule.getInputEntries());
				for (int i = 0; i < entries.size() && i < inputs.size(); i++) {
					String text = entries.get(i).getText() == null ? "" : entries.get(i).getText().getTextContent();
					String inputName = expression(inputs.get(i));
					String failure = unreadable(() -> engines.get().feel().evaluateSimpleUnaryTests(text.isBlank() ? "-" : text,
							inputName, context));
					if (failure != null) {
						violations.add(new Violation(decision.getId(), rule.getId(), label(inputs.get(i)),
								Messages.text("policy.cellUnreadable", text, failure)));
					}
				}
				List<OutputEntry> results = new ArrayList<>(rule.getOutputEntries());
				for (int i = 0; i < results.size() && i < outputs.size(); i++) {
					String text = results.get(i).getText() == null ? "" : results.get(i).getText().getTextContent();
					if (text.isBlank()) {
						continue;
					}
					String failure = unreadable(() -> engines.get().feel().evaluateSimpleExpression(text, context));
					Output output = outputs.get(i);
					String column = output.getLabel() != null ? output.getLabel() : output.getName();
					if (failure != null) {
						violations.add(new Violation(decision.getId(), rule.getId(), column,
								Messages.text("policy.cellUnreadable", text, failure)));
					}
					else {
						String value = text.trim();
						for (DecisionVocabulary vocabulary : vocabularies) {
							if (vocabulary.decisionId().equals(decision.getId()) && vocabulary.output().equals(output.getName())
									&& value.matches("\"[^\"]*\"")
									&& !vocabulary.allowed().contains(value.substring(1, value.length() - 1))) {
								violations.add(new Violation(decision.getId(), rule.getId(), column,
										Messages.text("policy.outputValueUnknown", value.substring(1, value.length() - 1),
												output.getName(), vocabulary.source(), String.join(", ", vocabulary.allowed()))));
							}
						}
					}
				}
			}
		}
	}

	/** The parser's complaint, or {@code null} when the text parses (a value missing at evaluation is no finding). */
	private static String unreadable(Runnable evaluation) {
		try {
			evaluation.run();
			return null;
		}
		catch (RuntimeException e) {
			String message = String.valueOf(e.getMessage());
			return message.contains("failed to parse") ? (message.length() > 300 ? message.substring(0, 300) + "…" : message)
					: null;
		}
	}

	private static Object sampleOf(String typeRef) {
		if (typeRef == null) {
			return null;
		}
		return switch (typeRef) {
			case "integer", "long" -> 1;
			case "double" -> 1.0;
			case "boolean" -> false;
			case "string" -> "";
			default -> null;
		};
	}

	Cases runCases(String key, String xml) {
		List<TestCase> cases = cases(key);
		Map<String, DmnDecision> decisions = new LinkedHashMap<>();
		List<CaseFailure> failures = new ArrayList<>();
		try {
			for (DmnDecision decision : engines.get().dmn().parseDecisions(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))) {
				decisions.put(decision.getKey(), decision);
			}
		}
		catch (RuntimeException e) {
			failures.add(new CaseFailure(key, Messages.text("policy.notParsedByEngine"), "", e.getMessage()));
			return new Cases(cases.size(), 0, failures);
		}
		int passed = 0;
		for (TestCase test : cases) {
			String actual;
			try {
				DmnDecisionResult result = engines.get().dmn().evaluateDecision(decisions.get(test.decision()),
						Variables.fromMap(test.inputs()));
				actual = mismatch(test, result);
			}
			catch (RuntimeException e) {
				actual = String.valueOf(e.getMessage());
			}
			if (actual == null) {
				passed++;
			}
			else {
				failures.add(new CaseFailure(test.decision(), test.description(), describe(test), actual));
			}
		}
		return new Cases(cases.size(), passed, failures);
	}

	/** What differs from the expectation, or {@code null}. */
	private static String mismatch(TestCase test, DmnDecisionResult result) {
		if (test.expectResults() != null && result.size() != test.expectResults()) {
			return Messages.text("policy.caseResultCount", result.size(), result.getResultList());
		}
		if (test.expect() == null || test.expect().isEmpty()) {
			return null;
		}
		if (result.isEmpty()) {
			return Messages.text("policy.caseNoResult");
		}
		Map<String, Object> first = result.get(0).getEntryMap();
		for (Map.Entry<String, Object> expected : test.expect().entrySet()) {
			if (!same(expected.getValue(), first.get(expected.getKey()))) {
				return expected.getKey() + " = " + first.get(expected.getKey());
			}
		}
		return null;
	}

	private static boolean same(Object expected, Object actual) {
		if (expected instanceof Number e && actual instanceof Number a) {
			return new BigDecimal(e.toString()).compareTo(new BigDecimal(a.toString())) == 0;
		}
		return Objects.equals(expected, actual);
	}

	private static String describe(TestCase test) {
		StringBuilder text = new StringBuilder();
		if (test.expect() != null) {
			test.expect().forEach((name, value) -> text.append(text.isEmpty() ? "" : ", ").append(name).append(" = ").append(value));
		}
		if (test.expectResults() != null) {
			text.append(text.isEmpty() ? "" : ", ").append(Messages.text("policy.caseResults", test.expectResults()));
		}
		return text.toString();
	}

	/** The policy's test cases, as data ({@code policy/cases/<key>.json}; none when the file is missing). */
	public static List<TestCase> cases(String key) {
		ClassPathResource file = new ClassPathResource("policy/cases/" + key + ".json");
		if (!file.exists()) {
			return List.of();
		}
		try (InputStream in = file.getInputStream()) {
			return JSON.readValue(in, new TypeReference<List<TestCase>>() {
			});
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The decisions a decision requires (their ids). */
	private static java.util.SortedSet<String> requires(Decision decision) {
		java.util.SortedSet<String> required = new java.util.TreeSet<>();
		for (org.camunda.bpm.model.dmn.instance.InformationRequirement requirement : decision.getInformationRequirements()) {
			if (requirement.getRequiredDecision() != null) {
				required.add(requirement.getRequiredDecision().getId());
			}
		}
		return required;
	}

	static DecisionTable table(Decision decision) {
		return decision.getExpression() instanceof DecisionTable table ? table : null;
	}

	static String expression(Input input) {
		return input.getInputExpression() == null || input.getInputExpression().getText() == null ? ""
				: input.getInputExpression().getText().getTextContent().strip();
	}

	static String label(Input input) {
		return input.getLabel() != null ? input.getLabel() : expression(input);
	}

	private static List<String> inputs(DecisionTable table) {
		return table.getInputs().stream().map(PolicyValidator::expression).toList();
	}

	private static Map<String, String> outputs(DecisionTable table) {
		Map<String, String> outputs = new LinkedHashMap<>();
		for (Output output : table.getOutputs()) {
			outputs.put(output.getName(), output.getTypeRef());
		}
		return outputs;
	}

	private static String hitPolicy(DecisionTable table) {
		return table.getHitPolicy() + (table.getAggregation() == null ? "" : " " + table.getAggregation());
	}

}
