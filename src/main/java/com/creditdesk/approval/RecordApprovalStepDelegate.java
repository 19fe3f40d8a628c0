package com.creditdesk.approval;

import com.creditdesk.system.FourEyesViolation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.creditdesk.system.InvalidRequestException;
import com.creditdesk.system.Money;
import com.creditdesk.system.UserInput;

/**
 * Records one approver's decision (approve, approve a lower amount, reject) in the credit decision and tells the
 * chain whether it goes on. Runs in the completing transaction: an incomplete decision (no reason for a rejection,
 * a bad amount) is refused with a message and the task stays open.
 */
@Component
class RecordApprovalStepDelegate implements JavaDelegate {

	private final CreditDecisionService decisions;

	RecordApprovalStepDelegate(CreditDecisionService decisions) {
		this.decisions = decisions;
	}

	@Override
	public void execute(DelegateExecution execution) {
		List<ApprovalLevel> chain = ApprovalTaskListener.recordedChain(decisions, execution);
		int index = ApprovalTaskListener.loopCounter(execution);
		String approver = (String) execution.getVariable(ApprovalTaskListener.DECIDED_BY);
		CreditDecisionService.StepResult result;
		try {
			result = decisions.decide(CreditGrantApprovalProcess.creditDecisionId(execution), chain.get(index),
					index == chain.size() - 1, approver, choice(execution), amount(execution), comment(execution));
		}
		catch (InvalidRequestException e) {
			throw UserInput.rejection(e.getMessage(), e.fields());
		}
		catch (FourEyesViolation e) {
			throw new AuthorizationException(e.getMessage());
		}
		DelegateExecution process = execution.getProcessInstance();
		CreditGrantApprovalProcess.AMOUNT_UNDER_REVIEW.set(process, result.amountUnderReview());
		// an approval opened by an earlier version ends its chain on this variable and shows this text
		if (process.hasVariable(CreditGrantApprovalProcess.LEGACY_CHAIN_ENDED.name())) {
			CreditGrantApprovalProcess.LEGACY_CHAIN_ENDED.set(process, result.chainEnded());
		}
		if (process.hasVariable(CreditGrantApprovalProcess.LEGACY_AMOUNT_UNDER_REVIEW_TEXT)) {
			process.setVariable(CreditGrantApprovalProcess.LEGACY_AMOUNT_UNDER_REVIEW_TEXT,
					Money.format(result.amountUnderReview()));
		}
		process.setVariable(CreditGrantApprovalProcess.EARLIER_APPROVALS, result.earlierApprovals());
		// the next approver starts from an empty form
		for (String input : List.of(ApprovalTaskListener.DECIDED_BY, CreditGrantApprovalProcess.APPROVAL_DECISION,
				CreditGrantApprovalProcess.APPROVED_AMOUNT_INPUT, CreditGrantApprovalProcess.APPROVAL_COMMENT)) {
			execution.removeVariable(input);
		}
	}

	private static StepDecision choice(DelegateExecution execution) {
		Object value = execution.getVariable(CreditGrantApprovalProcess.APPROVAL_DECISION);
		if (value == null || value.toString().isBlank()) {
			return null;
		}
		try {
			return StepDecision.valueOf(value.toString().trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static BigDecimal amount(DelegateExecution execution) {
		try {
			return Money.of(execution.getVariable(CreditGrantApprovalProcess.APPROVED_AMOUNT_INPUT));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static String comment(DelegateExecution execution) {
		Object value = execution.getVariable(CreditGrantApprovalProcess.APPROVAL_COMMENT);
		return value == null ? null : value.toString();
	}

}
