package com.creditdesk.collection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.delegate.ProcessEngineServicesAware;
import org.camunda.bpm.engine.delegate.VariableScope;

import com.creditdesk.system.Messages;
import com.creditdesk.system.Money;
import com.creditdesk.system.SystemActions;
import com.creditdesk.system.UserInput;

/** The {@code overdue-collection} process (逾期账款催收): key, messages, element ids and variables. */
public final class OverdueCollectionProcess {

	public static final String KEY = "overdue-collection";

	// messages
	/** Something changed for the case (payment, credit note, new overdue invoice, promise, dispute): reassess. */
	public static final String MESSAGE_CASE_CHANGED = "CollectionCaseChanged";
	/** The customer disputes an invoice. */
	public static final String MESSAGE_DISPUTE_RAISED = "CollectionDisputeRaised";

	/** Withdraws the open write-off approval when the regional managers decide another action. */
	public static final String MESSAGE_WRITE_OFF_WITHDRAWN = "CollectionWriteOffProposalWithdrawn";

	// elements
	public static final String OPEN_CASE = "Task_OpenCollectionCase";
	public static final String ASSESS_OVERDUE = "Task_AssessOverdueReceivables";
	public static final String DETERMINE_STAGE = "Task_DetermineCollectionStage";
	public static final String APPLY_STAGE = "Task_ApplyCollectionStage";
	public static final String REMIND_CUSTOMER = "UserTask_RemindCustomer";
	public static final String SEND_LETTER = "UserTask_SendDunningLetter";
	public static final String CONTACT_MANAGEMENT = "UserTask_ContactCustomerManagement";
	public static final String DECIDE_ACTION = "UserTask_DecideCollectionAction";
	public static final String APPROVE_WRITE_OFF = "UserTask_ApproveWriteOff";
	public static final String WRITE_OFF = "Task_WriteOffReceivables";
	public static final String RESOLVE_DISPUTE = "UserTask_ResolveDispute";
	public static final String NEXT_CHECK_TIMER = "TimerEvent_NextDailyCheck";
	public static final String CASE_CHANGED_EVENT = "MessageEvent_CaseChanged";
	public static final String END_SETTLED = "EndEvent_OverdueSettled";
	public static final String END_WRITTEN_OFF = "EndEvent_DebtWrittenOff";

	// variables
	public static final String CUSTOMER_ID = "customerId";
	public static final String CASE_ID = "collectionCaseId";
	public static final String CUSTOMER_NAME = "customerName";
	public static final String CREDIT_CODE = "creditCode";
	public static final String RESPONSIBLE_REP = "responsibleRep";
	public static final String OVERDUE = "overdue";
	public static final String DAYS_PAST_DUE = "daysPastDue";
	public static final String CUSTOMER_VANISHED = "customerVanished";
	public static final String PLAN_BROKEN = "paymentPlanBroken";
	public static final String DMN_STAGE = "collectionStage";
	public static final String STAGE = "stage";
	public static final String STAGE_TEXT = "stageText";
	public static final String OVERDUE_AMOUNT_TEXT = "overdueAmountText";

	/** Whether a promise or plan in good standing holds the escalation (the case waits instead of escalating). */
	public static final String ESCALATION_PAUSED = "escalationPaused";

	/** Why the case was told to reassess (message {@link #MESSAGE_CASE_CHANGED}). */
	public static final String LAST_CHANGE = "lastChange";

	/** The daily detection's summary (process {@code daily-overdue-detection}). */
	public static final String DETECTION_RESULT = "result";
	public static final String OVERDUE_ITEMS_TEXT = "overdueItemsText";
	public static final String NEXT_CHECK_AT = "nextCheckAt";
	public static final String OPEN_REMINDER = "openReminderTask";
	public static final String OPEN_LETTER = "openLetterTask";
	public static final String OPEN_MANAGEMENT_CONTACT = "openManagementContactTask";
	public static final String OPEN_DECISION = "openRegionalDecisionTask";
	public static final String OPEN_WRITE_OFF = "openWriteOffApprovalTask";

	/** Whether stage tasks open now, and their stage codes (CollectionStages, action TASK). */
	public static final String OPEN_STAGE_TASKS = "openStageTasks";

	public static final String STAGE_TASKS = "stageTasks";

	/** The subprocess that opens the stage tasks (absent from process versions before the stage table). */
	public static final String STAGE_TASKS_SUBPROCESS = "SubProcess_StageTasks";

	/** The stage code of one stage task (the multi-instance element variable). */
	public static final String STAGE_TASK = "stageTask";

	/** The person's record of what was done at a stage task. */
	public static final String STAGE_TASK_NOTES = "stageTaskNotes";

	public static final String STAGE_TASK_TEXT = "stageTaskText";
	public static final String LETTER_URL = "dunningLetterUrl";
	public static final String LETTER_HTML_URL = "dunningLetterHtmlUrl";
	public static final String CASE_HISTORY_TEXT = "caseHistoryText";
	// what people enter in the forms
	public static final String CONTACT_OUTCOME = "contactOutcome";
	public static final String CONTACT_NOTES = "contactNotes";
	public static final String PROMISE_TO_PAY = "promiseToPay";
	public static final String PROMISED_DATE = "promisedDate";
	public static final String PROMISED_AMOUNT = "promisedAmount";
	public static final String CUSTOMER_UNREACHABLE = "customerUnreachable";
	public static final String LETTER_SENT_VIA = "letterSentVia";

	/** The customer's address the letter is mailed to as a PDF (sent by CreditDesk when mail is configured). */
	public static final String LETTER_MAIL_TO = "letterMailTo";
	public static final String COLLECTION_ACTION = "collectionAction";
	public static final String PLAN_INSTALMENTS = "planInstalments";
	public static final String PLAN_FIRST_DUE_DATE = "planFirstDueDate";
	public static final String DECISION_NOTES = "decisionNotes";
	public static final String WRITE_OFF_PROPOSED_BY = "writeOffProposedBy";
	public static final String WRITE_OFF_REASON = "writeOffReason";
	public static final String WRITE_OFF_DECISION = "writeOffDecision";
	public static final String WRITE_OFF_COMMENT = "writeOffComment";
	public static final String WRITE_OFF_APPROVED = "writeOffApproved";
	public static final String WRITE_OFF_SPLIT_TEXT = "writeOffSplitText";
	public static final String DISPUTE_ID = "disputeId";
	public static final String DISPUTE_TEXT = "disputeText";
	public static final String DISPUTE_RESOLUTION = "disputeResolution";
	public static final String DISPUTE_NOTES = "disputeNotes";

	private OverdueCollectionProcess() {
	}

	// typed accessors

	static long caseId(VariableScope scope) {
		return ((Number) scope.getVariable(CASE_ID)).longValue();
	}

	static long customerId(VariableScope scope) {
		return ((Number) scope.getVariable(CUSTOMER_ID)).longValue();
	}

	static boolean flag(VariableScope scope, String name) {
		return Boolean.TRUE.equals(scope.getVariable(name));
	}

	static String text(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return value == null || value.toString().isBlank() ? null : value.toString().trim();
	}

	/** A date from a form: an ISO date string (form-js datetime field) or a {@link java.util.Date}. */
	static LocalDate date(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		if (value instanceof java.util.Date date) {
			return date.toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalDate();
		}
		String text = text(scope, name);
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
		}
		catch (java.time.format.DateTimeParseException e) {
			String message = Messages.text("collection.notADate", text);
			throw UserInput.rejection(message, Map.of(name, message));
		}
	}

	static BigDecimal amount(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return value == null || value.toString().isBlank() ? null : Money.of(value);
	}

	static Integer integer(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		if (value instanceof Number number) {
			return number.intValue();
		}
		String text = text(scope, name);
		try {
			return text == null ? null : Integer.valueOf(text);
		}
		catch (NumberFormatException e) {
			String message = Messages.text("collection.notAWholeNumber", name);
			throw UserInput.rejection(message, Map.of(name, message));
		}
	}

	/** Who is acting: the authenticated user (Tasklist, engine-rest), else the given fallback. */
	static String actor(ProcessEngineServicesAware scope, String fallback) {
		return SystemActions.authenticatedUser(scope.getProcessEngineServices().getIdentityService()).orElse(fallback);
	}

}
