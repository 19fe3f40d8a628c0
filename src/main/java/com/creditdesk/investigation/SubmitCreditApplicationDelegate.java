package com.creditdesk.investigation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.creditdesk.customer.CustomerService;
import com.creditdesk.system.BusinessClock;
import com.creditdesk.system.SystemActions;
import com.creditdesk.system.UserInput;

/**
 * Submits the rep's credit-grant application (客户授信申请表): the proposed limit, its validity and the reason. The
 * validity is capped by the grade's policy (DMN {@code review-interval}), which also sets the next review date.
 */
@Component
class SubmitCreditApplicationDelegate implements JavaDelegate {

	static final BigDecimal MINIMUM_LIMIT = new BigDecimal("1000");

	static final String LIMIT_CHANGED = "limitChanged";

	private final CreditInvestigationService investigations;

	private final CustomerService customers;

	SubmitCreditApplicationDelegate(CreditInvestigationService investigations, CustomerService customers) {
		this.investigations = investigations;
		this.customers = customers;
	}

	@Override
	public void execute(DelegateExecution execution) {
		BigDecimal proposed = CreditInvestigationProcess.money(execution, CreditInvestigationProcess.PROPOSED_LIMIT);
		Integer term = CreditInvestigationProcess.integer(execution, CreditInvestigationProcess.PROPOSED_TERM_MONTHS);
		String reason = CreditInvestigationProcess.text(execution, CreditInvestigationProcess.PROPOSAL_REASON);
		Map<String, String> problems = new LinkedHashMap<>();
		if (proposed == null || proposed.compareTo(MINIMUM_LIMIT) < 0) {
			problems.put(CreditInvestigationProcess.PROPOSED_LIMIT, "The proposed limit must be at least CNY 1,000.");
		}
		if (term == null || term < 1 || term > 24) {
			problems.put(CreditInvestigationProcess.PROPOSED_TERM_MONTHS, "The validity must be 1 to 24 months.");
		}
		if (reason == null || reason.length() < 10) {
			problems.put(CreditInvestigationProcess.PROPOSAL_REASON,
					"Give the approvers a reason of at least 10 characters.");
		}
		if (!problems.isEmpty()) {
			throw UserInput.rejection(problems);
		}
		ReviewPolicy policy = ReviewPolicy.of(execution);
		LocalDate today = BusinessClock.today();
		LocalDate validUntil = today.plusMonths(Math.min(term, policy.limitValidityMonths()));
		LocalDate nextReview = policy.nextReview(today, validUntil);
		// the requester of the approval is the person who submits the application, as authenticated
		String proposedBy = SystemActions.authenticatedUser(execution.getProcessEngineServices().getIdentityService())
			.orElseGet(() -> CreditInvestigationProcess.text(execution, CreditInvestigationProcess.REQUESTER));
		investigations.submitApplication(CreditInvestigationProcess.creditFileId(execution), proposed, term, reason,
				proposedBy);
		execution.setVariable(CreditInvestigationProcess.REQUESTED_AMOUNT, proposed.doubleValue());
		execution.setVariable(CreditInvestigationProcess.LIMIT_VALID_UNTIL, validUntil.toString());
		execution.setVariable(CreditInvestigationProcess.NEXT_REVIEW_DATE, nextReview.toString());
		// a re-evaluation that confirms the current limit needs no approval chain, only a manager's confirmation
		BigDecimal current = customers.get(CreditInvestigationProcess.customerId(execution)).getCreditLimit();
		execution.setVariable(LIMIT_CHANGED, proposed.compareTo(current) != 0);
	}

}
