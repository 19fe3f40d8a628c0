package com.creditdesk.approval;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

import com.creditdesk.system.Money;
import com.creditdesk.system.ProcessVariable;

/**
 * The {@code credit-grant-approval} process (分级授信审批), called by the investigation and the re-evaluation:
 * key, element ids and typed variables. A calling case uses it through {@link CreditGrantApprovalCall}.
 */
public final class CreditGrantApprovalProcess {

	public static final String KEY = "credit-grant-approval";

	// elements
	public static final String DETERMINE_CHAIN = "Task_DetermineApprovalChain";
	public static final String OPEN_DECISION = "Task_OpenCreditDecision";
	public static final String APPROVAL_STEP = "SubProcess_ApprovalStep";
	public static final String APPROVE_TASK = "UserTask_ApproveCreditGrant";
	public static final String REMINDER_TIMER = "BoundaryEvent_ApprovalOverdue";
	public static final String REMIND = "Task_RemindApprovers";
	public static final String ESCALATION_TIMER = "BoundaryEvent_ApprovalEscalation";
	public static final String ESCALATE = "Task_EscalateApproval";
	public static final String RECORD_DECISION = "Task_RecordCreditDecision";
	public static final String END_GRANTED = "EndEvent_CreditGranted";
	public static final String END_REFUSED = "EndEvent_CreditRefused";

	// inputs: the calling case names its credit file (CreditGrantApprovalCall); the rest is read from the file when
	// the approval starts (LoadApplicationListener), whatever a caller passed
	public static final ProcessVariable<Long> CUSTOMER_ID = ProcessVariable.id("customerId");
	public static final ProcessVariable<Long> CREDIT_FILE_ID = ProcessVariable.id("creditFileId");

	/**
	 * The amount under decision: the limit proposed on the credit file (the application form's {@code proposedLimit},
	 * the input of the DMN approval-authority). One name from the rep's proposal to the approvers' decision.
	 */
	public static final ProcessVariable<BigDecimal> PROPOSED_LIMIT = ProcessVariable.money("proposedLimit");

	/** Whether the application is a policy exception: one tier higher in approval-authority. */
	public static final ProcessVariable<Boolean> POLICY_EXCEPTION = ProcessVariable.flag("policyException");
	public static final ProcessVariable<String> REQUESTER = ProcessVariable.text("requester");
	public static final ProcessVariable<LocalDate> LIMIT_VALID_UNTIL = ProcessVariable.date("limitValidUntil");

	// flow
	public static final String APPROVAL_CHAIN = "approvalChain";
	public static final String APPROVER_GROUP = "approverGroup";
	/**
	 * Whether the chain has ended, as an approval opened by an earlier version keeps it (its completion condition);
	 * the current version reads it from the decision record ({@code creditDecisionService.chainEnded}).
	 */
	public static final ProcessVariable<Boolean> LEGACY_CHAIN_ENDED = ProcessVariable.flag("approvalChainEnded");

	/** The amount the next approver decides on: the amount under decision as far as the chain's authority goes. */
	public static final ProcessVariable<BigDecimal> AMOUNT_UNDER_REVIEW = ProcessVariable.money("amountUnderReview");
	/** The amount under review as an earlier version's form shows it; the current form shows the task's amountText. */
	public static final String LEGACY_AMOUNT_UNDER_REVIEW_TEXT = "amountUnderReviewText";
	public static final String EARLIER_APPROVALS = "earlierApprovals";
	/** The approval level's authority, shown on its task as {@code authorityLimitText}. */
	public static final String AUTHORITY_LIMIT_TEXT = "authorityLimitText";

	public static final String APPROVAL_LEVEL_NAME = "approvalLevelName";


	/**
	 * What the approver's form only shows, one JSON variable (the form's keys read {@code approvalView.region} and
	 * so on): the texts below marked "in the view". One variable instead of twenty-five: fewer rows for each approval.
	 */
	public static final String APPROVAL_VIEW = "approvalView";

	// shown on the approver's form and the task card (set when the decision opens); "in the view": in APPROVAL_VIEW
	public static final String APPROVAL_NOTE = "approvalNote";
	public static final String BANK_INQUIRY_SUMMARY = "bankInquirySummary"; // in the view
	public static final String CASH_OR_COLLATERAL_TEXT = "cashOrCollateralText"; // in the view
	public static final String CREDIT_CODE = "creditCode"; // in the view
	public static final String CREDIT_GRADE = "creditGrade";
	public static final String CREDIT_SCORE = "creditScore"; // in the view
	public static final String CURRENT_LIMIT_TEXT = "currentLimitText"; // in the view
	public static final String CUSTOMER_NAME = "customerName";
	public static final String KEY_ACCOUNT_TEXT = "keyAccountText"; // in the view
	public static final String MONTHLY_PURCHASES_TEXT = "monthlyPurchasesText"; // in the view
	public static final String OPEN_RECEIVABLES_TEXT = "openReceivablesText"; // in the view
	public static final String PAYMENT_TERM_TEXT = "paymentTermText"; // in the view
	public static final String POLICY_EXCEPTION_TEXT = "policyExceptionText"; // in the view
	public static final String PROPOSAL_REASON = "proposalReason"; // in the view
	public static final String REGION = "region"; // in the view
	public static final String PROPOSED_LIMIT_TEXT = "proposedLimitText"; // in the view
	public static final String REQUESTER_NAME = "requesterName"; // in the view
	public static final String SUGGESTED_LIMIT_TEXT = "suggestedLimitText"; // in the view

	/** The engine's index of the approval level under way (the multi-instance loop counter). */
	public static final String LOOP_COUNTER = "loopCounter";

	// approver's form
	public static final String APPROVAL_DECISION = "approvalDecision";
	public static final String APPROVED_AMOUNT_INPUT = "approvedAmount";
	public static final String APPROVAL_COMMENT = "approvalComment";

	/** Why the file scored what it did, for the approver's form. */
	public static final String SCORE_EXPLANATION_TEXT = "scoreExplanationText"; // in the view

	// outputs (read back into the calling case by CreditGrantApprovalCall)
	public static final ProcessVariable<String> OUTCOME = ProcessVariable.text("approvalOutcome");
	public static final ProcessVariable<BigDecimal> APPROVED_AMOUNT = ProcessVariable.money("approvedAmount");
	public static final ProcessVariable<Long> CREDIT_DECISION_ID = ProcessVariable.id("creditDecisionId");
	public static final ProcessVariable<String> REJECTION_REASON = ProcessVariable.text("rejectionReason");

	private CreditGrantApprovalProcess() {
	}

	static long creditDecisionId(VariableScope scope) {
		return CREDIT_DECISION_ID.require(scope);
	}

	/**
	 * One text of the approver's view, or null; an approval opened by an earlier version holds it as a variable of its
	 * own.
	 */
	static Object shown(VariableScope scope, String name) {
		return scope.getVariable(APPROVAL_VIEW) instanceof Map<?, ?> view && view.containsKey(name) ? view.get(name)
				: scope.getVariable(name);
	}

	/** The ordered approval levels the DMN {@code approval-authority} returned. */
	@SuppressWarnings("unchecked")
	static List<ApprovalLevel> chain(VariableScope scope) {
		List<Map<String, Object>> rows = (List<Map<String, Object>>) scope.getVariable(APPROVAL_CHAIN);
		return rows.stream()
			.map(row -> new ApprovalLevel(((Number) row.get("level")).intValue(), (String) row.get("approverGroup"),
					Money.of(row.get("authorityLimit"))))
			.toList();
	}

}
