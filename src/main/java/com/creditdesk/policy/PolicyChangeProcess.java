package com.creditdesk.policy;

/** The {@code policy-change} process: its key, the review task and its variables (name and meaning in one place). */
final class PolicyChangeProcess {

	static final String KEY = "policy-change";

	static final String REVIEW_TASK = "UserTask_ReviewPolicyChange";

	/** The candidate under review (set by CreditDesk at the start; the review form cannot write it). */
	static final String CANDIDATE_ID = "policyCandidateId";

	/** Read-only texts for the review form. */
	static final String TITLE = "policyTitle";

	static final String AUTHOR_NAME = "policyAuthorName";

	static final String AUTHOR_COMMENT = "policyAuthorComment";

	static final String SUMMARY = "policyChangeSummary";

	/** The reviewer's answer: APPROVE or REJECT, and why. */
	static final String DECISION = "policyDecision";

	static final String REVIEW_COMMENT = "policyReviewComment";

	static final String APPROVE = "APPROVE";

	private PolicyChangeProcess() {
	}

}
