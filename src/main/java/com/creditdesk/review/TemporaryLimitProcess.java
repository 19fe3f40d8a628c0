package com.creditdesk.review;

/** The {@code temporary-limit-increase} process (临时额度申请): key, element ids and variables of its own. */
public final class TemporaryLimitProcess {

	public static final String KEY = "temporary-limit-increase";

	// elements
	public static final String OPEN_REQUEST = "Task_OpenTemporaryLimitRequest";
	public static final String REQUEST_APPROVAL = "CallActivity_RequestCreditGrantApproval";
	public static final String RECORD_DECISION = "Task_RecordTemporaryLimitDecision";
	public static final String LAST_DAY_PASSED = "TimerEvent_TemporaryLimitEnds";
	public static final String EXPIRE = "Task_ExpireTemporaryLimit";
	public static final String END_EXPIRED = "EndEvent_TemporaryLimitExpired";
	public static final String END_DECLINED = "EndEvent_TemporaryLimitDeclined";

	// variables: the start form's
	public static final String AMOUNT = "temporaryAmount";
	public static final String FROM = "temporaryFrom";
	public static final String UNTIL = "temporaryUntil";
	public static final String REASON = "temporaryReason";

	// variables: the process's own
	public static final String TEMPORARY_LIMIT_ID = "temporaryLimitId";
	public static final String APPROVED = "temporaryLimitApproved";
	/** When the increase stops counting: the start of the day after its last day (ISO date-time, for the timer). */
	public static final String ENDS = "temporaryLimitEnds";
	public static final String SUMMARY = "temporaryLimitText";

	private TemporaryLimitProcess() {
	}

}
