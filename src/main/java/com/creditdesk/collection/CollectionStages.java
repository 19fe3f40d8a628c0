package com.creditdesk.collection;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.creditdesk.system.CodeNames;
import com.creditdesk.system.DecisionVocabulary;

/**
 * The collection stages, in order of escalation: the one table a stage is read from. The DMN {@code collection-stage}
 * names the stage a case has reached (by days past due and the other policy inputs); this table says what reaching
 * it does (its {@link Action}), who works its task, and its name on tasks and pages. A case performs every stage's
 * action up to the one reached, each once. Configured as {@code creditdesk.collection.stages} in
 * {@code application.yaml}; README "Add a collection stage".
 *
 * @param stages the stages, first (mildest) first
 */
@ConfigurationProperties("creditdesk.collection")
public record CollectionStages(List<Stage> stages) implements CodeNames, DecisionVocabulary {

	/** What reaching a stage does. Each built-in action belongs to at most one stage; {@code TASK} to any number. */
	public enum Action {

		/** The rep's reminder task (call or visit, promise to pay). */
		REMINDER,
		/** A dunning letter is written and the rep's task to send it opens. */
		LETTER,
		/** The customer goes on credit hold; the direct-sales manager contacts its management. */
		CREDIT_HOLD,
		/** The regional managers decide the next step (payment plan, legal action, agency or write-off). */
		REGIONAL_DECISION,
		/** A write-off is proposed to the regional managers (four eyes). Always the last stage. */
		WRITE_OFF,
		/** One stage task: the row's task, for its group (or the rep), recorded with what was done. */
		TASK

	}

	/**
	 * @param code the stage's code, as the DMN names it (capitals and '_', at most 30 characters)
	 * @param name its name, Simplified Chinese with the English term
	 * @param action what reaching it does
	 * @param task for a {@code TASK} stage: the task's name in Tasklist
	 * @param instructions for a {@code TASK} stage: what the person is asked to do
	 * @param candidateGroup for a {@code TASK} stage: the group that works it; empty: the customer's rep
	 */
	public record Stage(String code, String name, Action action, String task, String instructions,
			String candidateGroup) {
	}

	/** The stage of a case with nothing overdue (rank 0). */
	public static final String NONE = "NONE";

	/** Codes the case history uses for its own entries: a stage may not take one (its label would be shared). */
	private static final Set<String> RESERVED = Set.of("OPENED", "STAGE", "STAGE_TASK", "CONTACT", "PROMISE",
			"PROMISE_KEPT", "PROMISE_BROKEN", "DISPUTE", "DISPUTE_RESOLVED", "LETTER", "LETTER_SENT", "DECISION",
			"PAYMENT", "VANISHED", "SETTLED", "CANCELLED", "WRITTEN_OFF", "WRITE_OFF", "CHANGE", "HOLD");

	public CollectionStages {
		if (stages == null || stages.isEmpty()) {
			throw new IllegalStateException("creditdesk.collection.stages is empty (see application.yaml)");
		}
		Set<String> codes = new HashSet<>();
		Set<Action> builtIn = new HashSet<>();
		for (Stage stage : stages) {
			String where = "creditdesk.collection.stages, " + stage.code() + ": ";
			if (stage.code() == null || !stage.code().matches("[A-Z][A-Z0-9_]{0,29}") || NONE.equals(stage.code())) {
				throw new IllegalStateException(where + "a code is capitals, digits and '_', at most 30, not NONE");
			}
			if (RESERVED.contains(stage.code()) || stage.code().startsWith("DECISION_")
					|| stage.code().startsWith("WRITE_OFF_") && !stage.code().equals("WRITE_OFF_PROPOSAL")
					|| stage.code().startsWith("INSTALMENT_")) {
				throw new IllegalStateException(where + "the case history uses this code for its own entries");
			}
			if (!codes.add(stage.code())) {
				throw new IllegalStateException(where + "named twice");
			}
			if (stage.name() == null || stage.name().isBlank() || stage.action() == null) {
				throw new IllegalStateException(where + "needs a name and an action");
			}
			if (stage.action() != Action.TASK && !builtIn.add(stage.action())) {
				throw new IllegalStateException(where + "action " + stage.action() + " belongs to one stage only");
			}
			if (stage.action() == Action.TASK && (stage.task() == null || stage.task().isBlank())) {
				throw new IllegalStateException(where + "a TASK stage needs its task's name");
			}
		}
		if (builtIn.contains(Action.WRITE_OFF) && stages.get(stages.size() - 1).action() != Action.WRITE_OFF) {
			throw new IllegalStateException("creditdesk.collection.stages: the WRITE_OFF stage is the last");
		}
		stages = List.copyOf(stages);
	}

	/** The stage with this code; {@code null} for {@link #NONE}. */
	public Stage stage(String code) {
		if (NONE.equals(code)) {
			return null;
		}
		return stages.stream()
			.filter(stage -> stage.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Collection stage '" + code + "' is not in "
					+ "creditdesk.collection.stages (the decision collection-stage names it)"));
	}

	/** 0 for {@link #NONE}, then 1, 2, … in the table's order. */
	public int rank(String code) {
		Stage stage = stage(code);
		return stage == null ? 0 : stages.indexOf(stage) + 1;
	}

	/** The stage {@code steps} further up (a broken promise raises a case one stage at once), at most the last. */
	public String raised(String code, int steps) {
		int rank = Math.min(stages.size(), rank(code) + Math.max(0, steps));
		return rank == 0 ? NONE : stages.get(rank - 1).code();
	}

	/** The stages from the first up to and including {@code code}. */
	public List<Stage> upTo(String code) {
		return stages.subList(0, rank(code));
	}

	/**
	 * The stage's name; "未逾期 Not overdue" for {@link #NONE}; the code itself for a stage no longer in the table (a
	 * case recorded under a code that was since removed still shows).
	 */
	public String name(String code) {
		if (NONE.equals(code)) {
			return "未逾期 Not overdue";
		}
		return stages.stream().filter(stage -> stage.code().equals(code)).map(Stage::name).findFirst().orElse(code);
	}

	// used from overdue-collection.bpmn for the stage task (UserTask_WorkStageTask), by the stage's code

	/** The stage codes of a comma-separated list (the {@code stageTasks} variable), each checked against the table. */
	public List<String> codes(String commaSeparated) {
		return commaSeparated == null || commaSeparated.isBlank() ? List.of()
				: java.util.Arrays.stream(commaSeparated.split(",")).map(code -> stage(code.trim()).code()).toList();
	}

	public String taskName(String code) {
		return stage(code).task();
	}

	/** The group that works the stage's task, or {@code null} when the rep does. */
	public String candidateGroup(String code) {
		String group = stage(code).candidateGroup();
		return group == null || group.isBlank() ? null : group;
	}

	/** The rep, when no group works the stage's task; else nobody (the group claims it). */
	public String assignee(String code, String responsibleRep) {
		return candidateGroup(code) == null ? responsibleRep : null;
	}

	@Override
	public Map<String, String> codeNames() {
		Map<String, String> names = new LinkedHashMap<>();
		stages.forEach(stage -> names.put(stage.code(), stage.name()));
		return names;
	}

	@Override
	public String decisionId() {
		return "collection-stage";
	}

	@Override
	public String output() {
		return "collectionStage";
	}

	@Override
	public Set<String> allowed() {
		Set<String> allowed = new java.util.LinkedHashSet<>(codeNames().keySet());
		allowed.add(NONE);
		return allowed;
	}

	@Override
	public String source() {
		return "creditdesk.collection.stages";
	}

}
