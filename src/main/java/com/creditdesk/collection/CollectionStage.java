package com.creditdesk.collection;

/**
 * The escalation ladder of an overdue collection case. Which stage is due follows the DMN {@code collection-stage}
 * (by days past due of the oldest overdue invoice); the rank orders them.
 */
public enum CollectionStage {

	/** Nothing overdue. */
	NONE(0, "Nothing overdue"),
	/** Day 1: the rep calls or visits; a promise to pay may pause escalation. */
	REMINDER(1, "Reminder"),
	/** Day 15: a dunning letter with the open items. */
	DUNNING_LETTER(2, "Dunning letter"),
	/** Day 30: credit hold, the direct-sales manager contacts the customer's management. */
	CREDIT_HOLD(3, "Credit hold"),
	/** Day 60: the regional manager decides: payment plan, legal action, agency or write-off. */
	REGIONAL_DECISION(4, "Regional manager's decision"),
	/** Day 90, a vanished debtor or a broken payment plan: write-off proposal. */
	WRITE_OFF_PROPOSAL(5, "Write-off proposal");

	private final int rank;

	private final String label;

	CollectionStage(int rank, String label) {
		this.rank = rank;
		this.label = label;
	}

	public int rank() {
		return rank;
	}

	public String label() {
		return label;
	}

	/** This stage raised by {@code steps} (a broken promise escalates one stage at once), at most the last. */
	CollectionStage raisedBy(int steps) {
		int raised = Math.min(WRITE_OFF_PROPOSAL.rank, rank + Math.max(0, steps));
		return values()[raised];
	}

}
