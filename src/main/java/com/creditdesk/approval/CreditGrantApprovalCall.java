package com.creditdesk.approval;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

import com.creditdesk.system.ProcessVariable;
import com.creditdesk.system.SharedProcessStep;

/**
 * The typed contract of a call into {@code credit-grant-approval} (分级授信审批). A calling case records its
 * {@link Request} before the call activity, which names this bean as its variable mapping
 * ({@code camunda:variableMappingDelegateExpression="${creditGrantApprovalCall}"}); after the call it reads the
 * {@link Result}. The investigation, the re-evaluation and the temporary increase call the approval this way.
 * <p>
 * The approval reads its inputs from the credit file the request names (amount, requester, policy exception,
 * customer; {@code LoadApplicationListener}), never from the calling case's variables; the result is read from the
 * decision record.
 */
@SharedProcessStep
@Component("creditGrantApprovalCall")
public class CreditGrantApprovalCall implements DelegateVariableMapping {

	// the request, in the calling case
	static final ProcessVariable<Long> CREDIT_FILE = ProcessVariable.id("creditFileId");

	static final ProcessVariable<LocalDate> LIMIT_VALID_UNTIL = ProcessVariable.date("limitValidUntil");

	// the result, in the calling case
	static final ProcessVariable<Long> CREDIT_DECISION = ProcessVariable.id("creditDecisionId");

	static final ProcessVariable<String> OUTCOME = ProcessVariable.text("approvalOutcome");

	static final ProcessVariable<BigDecimal> APPROVED_AMOUNT = ProcessVariable.money("approvedAmount");

	static final ProcessVariable<String> REJECTION_REASON = ProcessVariable.text("rejectionReason");

	/**
	 * What a case asks the approval to decide.
	 * @param creditFileId the credit file on which the application was submitted
	 * @param limitValidUntil the last day a granted limit is valid
	 */
	public record Request(long creditFileId, LocalDate limitValidUntil) {

		public Request {
			Objects.requireNonNull(limitValidUntil, "limitValidUntil");
		}

	}

	/**
	 * What the approval decided.
	 * @param approvedAmount the amount granted on credit (zero if rejected)
	 * @param rejectionReason the rejecting approver's comment, name and group; null unless rejected
	 */
	public record Result(long creditDecisionId, ApprovalOutcome outcome, BigDecimal approvedAmount,
			String rejectionReason) {

		public boolean rejected() {
			return outcome == ApprovalOutcome.REJECTED;
		}

	}

	private final CreditDecisionService decisions;

	CreditGrantApprovalCall(CreditDecisionService decisions) {
		this.decisions = decisions;
	}

	/** Records the request on the calling case, for the call activity that follows. */
	public static void request(VariableScope caller, Request request) {
		CREDIT_FILE.set(caller, request.creditFileId());
		LIMIT_VALID_UNTIL.set(caller, request.limitValidUntil());
	}

	/**
	 * The decision the call returned (also for cases that called an older version by variable names), or null if
	 * the case has not been decided.
	 */
	public static Result result(VariableScope caller) {
		Long decision = CREDIT_DECISION.get(caller);
		return decision == null ? null : new Result(decision, ApprovalOutcome.valueOf(OUTCOME.require(caller)),
				APPROVED_AMOUNT.require(caller), REJECTION_REASON.get(caller));
	}

	/**
	 * Records a decision taken without the call (a manager confirming an unchanged limit) as the case's result, so
	 * the steps after it read one result either way.
	 */
	public static void decidedWithoutCall(VariableScope caller, CreditDecision decision) {
		CREDIT_DECISION.set(caller, decision.getId());
		OUTCOME.set(caller, decision.getOutcome().name());
		APPROVED_AMOUNT.set(caller, decision.getApprovedAmount());
	}

	/** The last day a granted limit is valid, as the case requested it. */
	public static LocalDate limitValidUntil(VariableScope caller) {
		return LIMIT_VALID_UNTIL.require(caller);
	}

	/** The decision record's id the call returned, if the approval has opened one. */
	public static Long creditDecisionId(VariableScope caller) {
		return CREDIT_DECISION.get(caller);
	}

	/** The approval gets the request only; it reads the application from the credit file when it starts. */
	@Override
	public void mapInputVariables(DelegateExecution caller, VariableMap approval) {
		Request request = new Request(CREDIT_FILE.require(caller), LIMIT_VALID_UNTIL.require(caller));
		CreditGrantApprovalProcess.CREDIT_FILE_ID.put(approval, request.creditFileId());
		CreditGrantApprovalProcess.LIMIT_VALID_UNTIL.put(approval, request.limitValidUntil());
	}

	@Override
	public void mapOutputVariables(DelegateExecution caller, VariableScope approval) {
		CreditDecision decision = decisions.get(CreditGrantApprovalProcess.creditDecisionId(approval));
		CREDIT_DECISION.set(caller, decision.getId());
		OUTCOME.set(caller, decision.getOutcome().name());
		APPROVED_AMOUNT.set(caller, decision.getApprovedAmount());
		REJECTION_REASON.set(caller, CreditGrantApprovalProcess.REJECTION_REASON.get(approval));
	}

}
