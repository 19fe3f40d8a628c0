package com.creditdesk.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.creditdesk.approval.CreditGrantApprovalCall;
import com.creditdesk.approval.ApprovalOutcome;
import com.creditdesk.approval.CreditDecision;
import com.creditdesk.approval.CreditDecisionService;
import com.creditdesk.customer.CustomerService;
import com.creditdesk.customer.TemporaryLimit;
import com.creditdesk.customer.TemporaryLimits;
import com.creditdesk.investigation.CreditFileStatus;
import com.creditdesk.investigation.CreditInvestigationProcess;
import com.creditdesk.investigation.CreditInvestigationService;
import com.creditdesk.system.Messages;
import com.creditdesk.system.Money;

/**
 * Records what the approval chain decided on a temporary increase, read from the credit decision record (never
 * from a variable a form could set): approved, the increase counts from its first day; the credit case closes
 * either way, so a re-evaluation may run while the increase waits for its last day.
 */
@Component
class RecordTemporaryLimitDecisionDelegate implements JavaDelegate {

	private final CreditDecisionService decisions;

	private final TemporaryLimits temporaryLimits;

	private final CreditInvestigationService investigations;

	private final CustomerService customers;

	RecordTemporaryLimitDecisionDelegate(CreditDecisionService decisions, TemporaryLimits temporaryLimits,
			CreditInvestigationService investigations, CustomerService customers) {
		this.decisions = decisions;
		this.temporaryLimits = temporaryLimits;
		this.investigations = investigations;
		this.customers = customers;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long temporaryLimitId = ((Number) execution.getVariable(TemporaryLimitProcess.TEMPORARY_LIMIT_ID)).longValue();
		long fileId = CreditInvestigationProcess.creditFileId(execution);
		long decisionId = CreditGrantApprovalCall.creditDecisionId(execution);
		CreditDecision decision = decisions.get(decisionId);
		if (decision.getCreditFileId() != fileId) {
			throw new IllegalStateException("credit decision " + decisionId + " decided credit file "
					+ decision.getCreditFileId() + ", not this request's file " + fileId);
		}
		TemporaryLimit temporary = decision.getOutcome() == ApprovalOutcome.REJECTED
				? temporaryLimits.decline(temporaryLimitId, decisionId,
						Messages.text("temporaryLimit.noteRejected", String.valueOf(decisionId)))
				: temporaryLimits.decide(temporaryLimitId, decision.getApprovedAmount(), decisionId);
		boolean approved = temporary.getStatus() == TemporaryLimit.Status.APPROVED;
		investigations.close(fileId, approved ? CreditFileStatus.APPROVED : CreditFileStatus.REJECTED,
				approved ? Messages.text("temporaryLimit.fileApproved", Money.format(temporary.getAmount()),
						temporary.getValidFrom().toString(), temporary.getValidUntil().toString(),
						String.valueOf(decisionId)) : temporary.getClosedNote());
		customers.closeCase(temporary.getCustomerId(), execution.getProcessInstanceId());
		execution.setVariable(TemporaryLimitProcess.APPROVED, approved);
	}

}
