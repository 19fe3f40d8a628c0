package com.creditdesk.approval;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

import com.creditdesk.system.Money;

/**
 * The {@code credit-grant-approval} process (分级授信审批), called by the investigation and the re-evaluation:
 * key, element ids and typed variables.
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

	// inputs
	public static final String CUSTOMER_ID = "customerId";
	public static final String CREDIT_FILE_ID = "creditFileId";
	public static final String REQUESTED_AMOUNT = "requestedAmount";

	/** Whether the application is a policy exception (set by the calling case): one tier higher in approval-authority. */
	public static final String POLICY_EXCEPTION = "policyException";
	public static final String REQUESTER = "requester";
	public static final String LIMIT_VALID_UNTIL = "limitValidUntil";

	// flow
	public static final String APPROVAL_CHAIN = "approvalChain";
	public static final String APPROVER_GROUPS = "approverGroups";
	public static final String APPROVER_GROUP = "approverGroup";
	public static final String CHAIN_ENDED = "approvalChainEnded";
	public static final String AMOUNT_UNDER_REVIEW = "amountUnderReview";
	public static final String AMOUNT_UNDER_REVIEW_TEXT = "amountUnderReviewText";
	public static final String EARLIER_APPROVALS = "earlierApprovals";
	public static final String CASH_OR_COLLATERAL = "cashOrCollateralAmount";
	public static final String AUTHORITY_LIMIT = "authorityLimit";
	public static final String APPROVAL_LEVEL = "approvalLevel";
	public static final String APPROVAL_LEVEL_NAME = "approvalLevelName";

	// approver's form
	public static final String APPROVAL_DECISION = "approvalDecision";
	public static final String APPROVED_AMOUNT_INPUT = "approvedAmount";
	public static final String APPROVAL_COMMENT = "approvalComment";

	// outputs
	public static final String OUTCOME = "approvalOutcome";
	public static final String APPROVED_AMOUNT = "approvedAmount";
	public static final String CREDIT_DECISION_ID = "creditDecisionId";
	public static final String REJECTION_REASON = "rejectionReason";

	private CreditGrantApprovalProcess() {
	}

	static long creditDecisionId(VariableScope scope) {
		return ((Number) scope.getVariable(CREDIT_DECISION_ID)).longValue();
	}

	static long longValue(VariableScope scope, String name) {
		return ((Number) scope.getVariable(name)).longValue();
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
