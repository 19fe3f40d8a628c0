package com.creditdesk.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.DmnElement;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * What a candidate changes against the live version, rule by rule: rules added, removed, or with other cells (a
 * rule is the same rule when it keeps its id, as the editor keeps it).
 */
final class PolicyDiff {

	enum Kind {
		/** The table itself: its hit policy, inputs or outputs ({@code rule} is {@code null}). */
		TABLE, ADDED, REMOVED, CHANGED
	}

	/**
	 * @param columns the table's input and output labels, then the annotation
	 * @param before the rule's cells in the live version ({@code null} when added)
	 * @param after the rule's cells in the candidate ({@code null} when removed)
	 */
	record Change(String decision, String decisionName, String rule, Kind kind, List<String> columns,
			List<String> before, List<String> after) {
	}

	private PolicyDiff() {
	}

	static List<Change> between(DmnModelInstance live, DmnModelInstance candidate) {
		List<Change> changes = new ArrayList<>();
		for (Decision decision : candidate.getModelElementsByType(Decision.class)) {
			DecisionTable after = PolicyValidator.table(decision);
			Decision old = live.getModelElementById(decision.getId()) instanceof Decision d ? d : null;
			DecisionTable before = old == null ? null : PolicyValidator.table(old);
			if (after == null) {
				continue;
			}
			List<String> columns = columns(after);
			List<String> headerAfter = header(after);
			List<String> headerBefore = before == null ? null : header(before);
			if (!headerAfter.equals(headerBefore)) {
				changes.add(new Change(decision.getId(), decision.getName(), null, Kind.TABLE, HEADER, headerBefore,
						headerAfter));
			}
			Map<String, List<String>> beforeRules = before == null ? Map.of() : rules(before);
			Map<String, List<String>> afterRules = rules(after);
			afterRules.forEach((id, cells) -> {
				List<String> was = beforeRules.get(id);
				if (was == null) {
					changes.add(new Change(decision.getId(), decision.getName(), id, Kind.ADDED, columns, null, cells));
				}
				else if (!was.equals(cells)) {
					changes.add(new Change(decision.getId(), decision.getName(), id, Kind.CHANGED, columns, was, cells));
				}
			});
			beforeRules.forEach((id, cells) -> {
				if (!afterRules.containsKey(id)) {
					changes.add(new Change(decision.getId(), decision.getName(), id, Kind.REMOVED, columns(before), cells,
							null));
				}
			});
		}
		return changes;
	}

	private static final List<String> HEADER = List.of("命中策略 Hit policy", "输入 Inputs", "输出 Outputs");

	private static List<String> header(DecisionTable table) {
		List<String> outputs = new ArrayList<>();
		for (Output output : table.getOutputs()) {
			outputs.add(output.getName() + ": " + output.getTypeRef());
		}
		return List.of(table.getHitPolicy() + (table.getAggregation() == null ? "" : " " + table.getAggregation()),
				String.join(", ", table.getInputs().stream().map(PolicyValidator::expression).toList()),
				String.join(", ", outputs));
	}

	private static List<String> columns(DecisionTable table) {
		List<String> columns = new ArrayList<>();
		table.getInputs().forEach(input -> columns.add(PolicyValidator.label(input)));
		for (Output output : table.getOutputs()) {
			columns.add(output.getLabel() != null ? output.getLabel() : output.getName());
		}
		columns.add("注释 Annotation");
		return columns;
	}

	private static Map<String, List<String>> rules(DecisionTable table) {
		Map<String, List<String>> rules = new LinkedHashMap<>();
		for (Rule rule : table.getRules()) {
			List<String> cells = new ArrayList<>();
			for (InputEntry entry : rule.getInputEntries()) {
				cells.add(text(entry));
			}
			for (OutputEntry entry : rule.getOutputEntries()) {
				cells.add(text(entry));
			}
			cells.add(rule.getDescription() == null ? "" : rule.getDescription().getTextContent().strip());
			rules.put(rule.getId(), cells);
		}
		return rules;
	}

	private static String text(DmnElement entry) {
		if (entry instanceof InputEntry input) {
			return input.getText() == null ? "" : input.getText().getTextContent().strip();
		}
		OutputEntry output = (OutputEntry) entry;
		return output.getText() == null ? "" : output.getText().getTextContent().strip();
	}

}
