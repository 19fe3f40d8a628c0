package com.creditdesk.investigation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.creditdesk.approval.CreditGrantApprovalCall;
import com.creditdesk.customer.CustomerService;
import com.creditdesk.system.BusinessClock;
import com.creditdesk.system.DecisionVersions;
import com.creditdesk.system.Messages;
import com.creditdesk.system.SystemActions;
import com.creditdesk.system.UserInput;
import com.creditdesk.system.SharedProcessStep;
import com.creditdesk.system.StepValue;

/**
 * Submits the rep's credit-grant application (客户授信申请表): the proposed limit, its validity and the reason. The
 * validity is capped by the grade's policy (DMN {@code review-interval}), which also sets the next review date.
 */
@SharedProcessStep
@Component
class SubmitCreditApplicationDelegate implements JavaDelegate {

	static final BigDecimal MINIMUM_LIMIT = new BigDecimal("1000");

	static final String LIMIT_CHANGED = "limitChanged";

	private final CreditInvestigationService investigations;

	private final CustomerService customers;

	private final DecisionVersions decisions;

	SubmitCreditApplicationDelegate(CreditInvestigationService investigations, CustomerService customers,
			DecisionVersions decisions) {
		this.decisions = decisions;
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
			problems.put(CreditInvestigationProcess.PROPOSED_LIMIT, Messages.text("investigation.proposedLimitTooLow"));
		}
		if (term == null || term < 1 || term > 24) {
			problems.put(CreditInvestigationProcess.PROPOSED_TERM_MONTHS, Messages.text("investigation.validityOutOfRange"));
		}
		if (reason == null || reason.length() < 10) {
			problems.put(CreditInvestigationProcess.PROPOSAL_REASON,
					Messages.text("investigation.proposalReasonTooShort"));
		}
		if (!problems.isEmpty()) {
			throw UserInput.rejection(problems);
		}
		long fileId = CreditInvestigationProcess.creditFileId(execution);
		CreditFile file = investigations.get(fileId);
		ReviewPolicy policy = ReviewPolicy.of(execution, file);
		// the policy decides what is an exception (DMN), on the figures of the credit file, never on the form's
		PolicyExceptions exceptions = exceptions(execution, file, proposed, term, policy);
		String justification = CreditInvestigationProcess.text(execution, CreditInvestigationProcess.EXCEPTION_JUSTIFICATION);
		if (!exceptions.isEmpty() && (justification == null || justification.strip().length() < 20)) {
			throw UserInput.rejection(Map.of(CreditInvestigationProcess.EXCEPTION_JUSTIFICATION,
					Messages.text("investigation.exceptionJustificationRequired", exceptions.summary().replace("\n", "; "))));
		}
		LocalDate today = BusinessClock.today();
		// a validity beyond the grade's policy is an exception: granted as asked if the (higher) chain approves it
		LocalDate validUntil = today.plusMonths(term);
		LocalDate nextReview = policy.nextReview(today, validUntil);
		// the requester of the approval is the person who submits the application, as authenticated
		String proposedBy = SystemActions.authenticatedUser(execution.getProcessEngineServices().getIdentityService())
			.orElseGet(() -> CreditInvestigationProcess.text(execution, CreditInvestigationProcess.REQUESTER));
		investigations.submitApplication(fileId, proposed, term, reason, proposedBy, exceptions,
				justification == null ? null : justification.strip());
		StepValue.set(execution, CreditInvestigationProcess.POLICY_EXCEPTION, !exceptions.isEmpty());
		// the bank-inquiry rule again, on what is finally proposed: crossing its threshold sends the rep to the bank
		List<String> bankReasons = file.getBankInquiredAt() != null ? List.of()
				: decisions.evaluate(execution, "bank-inquiry-needed", Map.of("creditGrade", file.getCreditGrade(),
						"statementsAudited", file.isStatementsAudited(), "requestedLimit", proposed.doubleValue()))
					.stream()
					.map(row -> String.valueOf(row.get("inquiryReason")))
					.toList();
		StepValue.set(execution, CreditInvestigationProcess.PROPOSAL_NEEDS_BANK_INQUIRY, !bankReasons.isEmpty());
		if (!bankReasons.isEmpty()) {
			CreditInvestigationProcess.show(execution,
					Map.of(CreditInvestigationProcess.BANK_INQUIRY_REASONS_TEXT, String.join("\n", bankReasons)));
		}
		CreditGrantApprovalCall.request(execution, new CreditGrantApprovalCall.Request(fileId, validUntil));
		execution.setVariable(CreditInvestigationProcess.NEXT_REVIEW_DATE, nextReview.toString());
		// a re-evaluation that confirms the current limit needs no approval chain, only a manager's confirmation
		BigDecimal current = customers.get(CreditInvestigationProcess.customerId(execution)).getCreditLimit();
		StepValue.set(execution, LIMIT_CHANGED, proposed.compareTo(current) != 0);
	}

	private PolicyExceptions exceptions(DelegateExecution execution, CreditFile file, BigDecimal proposed, int term,
			ReviewPolicy policy) {
		Map<String, Object> inputs = new java.util.HashMap<>();
		inputs.put("proposedLimit", proposed.doubleValue());
		inputs.put("suggestedLimit", file.getSuggestedLimit() == null ? 0.0 : file.getSuggestedLimit().doubleValue());
		inputs.put("netWorth", file.getRatios().netWorth() == null ? 0.0 : file.getRatios().netWorth().doubleValue());
		inputs.put("proposedTermMonths", term);
		inputs.put("limitValidityMonths", policy.limitValidityMonths());
		return PolicyExceptions.of(decisions.evaluate(execution, PolicyExceptions.DECISION, inputs));
	}

}
