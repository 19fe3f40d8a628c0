package com.creditdesk.review;

import java.math.BigDecimal;

import com.creditdesk.system.ProcessVariable;

/** The {@code credit-reevaluation} process (信用再评估): key, element ids and variables of its own. */
public final class CreditReevaluationProcess {

	public static final String KEY = "credit-reevaluation";

	// elements
	public static final String OPEN_REVIEW = "Task_OpenReview";
	public static final String UPDATE_STATEMENTS = "UserTask_UpdateFinancialStatements";
	public static final String REVIEW_OVERDUE = "BoundaryEvent_ReviewOverdue";
	public static final String ESCALATE_REVIEW = "Task_EscalateReview";
	public static final String PROPOSE_LIMIT = "UserTask_ProposeNewLimit";
	public static final String REQUEST_APPROVAL = "CallActivity_RequestCreditGrantApproval";
	public static final String CONFIRM_LIMIT = "UserTask_ConfirmCurrentLimit";
	public static final String RECORD_CONFIRMATION = "Task_RecordConfirmation";
	public static final String KEEP_LIMIT = "Task_KeepCurrentLimit";
	public static final String GRANT_LIMIT = "Task_GrantCreditLimit";
	public static final String MAKE_CASH_ONLY = "Task_MakeCustomerCashOnly";
	public static final String END_LIMIT_SET = "EndEvent_CreditLimitSet";
	public static final String END_LIMIT_KEPT = "EndEvent_CurrentLimitKept";
	public static final String END_CASH_ONLY = "EndEvent_CustomerCashOnly";

	// variables
	public static final String TRIGGER = "reviewTrigger";
	public static final String REASON = "reviewReason";
	public static final String REQUESTED_CHANGE = "requestedChange";
	public static final String TRIGGER_TEXT = "reviewTriggerText";
	public static final String INITIATOR = "initiator";
	public static final ProcessVariable<BigDecimal> PREVIOUS_LIMIT = ProcessVariable.money("previousCreditLimit");
	public static final String PREVIOUS_LIMIT_TEXT = "previousCreditLimitText";
	public static final String PREVIOUS_GRADE = "previousCreditGrade";
	public static final String PREVIOUS_SCORE = "previousCreditScore";
	public static final String CONFIRMATION_DECISION = "confirmationDecision";
	public static final String MANAGER_COMMENT = "managerComment";
	public static final String LIMIT_CONFIRMED = "limitConfirmed";

	private CreditReevaluationProcess() {
	}

}
