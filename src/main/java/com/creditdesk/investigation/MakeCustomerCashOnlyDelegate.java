package com.creditdesk.investigation;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.creditdesk.approval.CreditGrantApprovalCall;
import com.creditdesk.scoring.ScoreExplanation;
import com.creditdesk.customer.CustomerService;
import com.creditdesk.system.BusinessClock;
import com.creditdesk.system.SharedProcessStep;

/**
 * No credit for the customer, either because the scorecard graded it C or because the approvers rejected the
 * application: sales are cash or against collateral only. The reason is kept for the rep to see.
 */
@SharedProcessStep
@Component
class MakeCustomerCashOnlyDelegate implements JavaDelegate {



	private final CustomerService customers;

	private final CreditInvestigationService investigations;

	private final ScoreExplanation explanation;

	MakeCustomerCashOnlyDelegate(CustomerService customers, CreditInvestigationService investigations,
			ScoreExplanation explanation) {
		this.explanation = explanation;
		this.customers = customers;
		this.investigations = investigations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String grade = CreditInvestigationProcess.text(execution, CreditInvestigationProcess.CREDIT_GRADE);
		CreditGrantApprovalCall.Result approval = CreditGrantApprovalCall.result(execution);
		boolean rejected = approval != null && approval.rejected();
		String reason = rejected
				? "The credit-grant application was rejected: "
						+ approval.rejectionReason()
				: "Grade C (score " + execution.getVariable(CreditInvestigationProcess.CREDIT_SCORE)
						+ " of 100): the credit policy grants no credit below 60 points.";
		long fileId = CreditInvestigationProcess.creditFileId(execution);
		ReviewPolicy policy = ReviewPolicy.of(execution, investigations.get(fileId));
		if (execution.hasVariable(CreditInvestigationProcess.REVIEW_POLICY)) {
			if (approval == null) {
				// a grade C case's, decided in this command: no suggestion recorded it on the file
				investigations.recordReviewPolicy(fileId, policy);
			}
			execution.removeVariable(CreditInvestigationProcess.REVIEW_POLICY);
		}
		customers.makeCashOnly(CreditInvestigationProcess.customerId(execution), grade, reason,
				policy.nextReview(BusinessClock.today(), null));
		investigations.close(CreditInvestigationProcess.creditFileId(execution),
				rejected ? CreditFileStatus.REJECTED : CreditFileStatus.CASH_ONLY, reason);
		execution.setVariable(CreditInvestigationProcess.CASH_ONLY_REASON, reason);
		// which items cost the points, and what the next grade needs
		CreditInvestigationProcess.show(execution, Map.of(CreditInvestigationProcess.SCORE_EXPLANATION_TEXT,
				explanation.explain(investigations.get(CreditInvestigationProcess.creditFileId(execution))).text()));
	}

}
