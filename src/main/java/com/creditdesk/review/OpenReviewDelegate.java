package com.creditdesk.review;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.creditdesk.customer.Customer;
import com.creditdesk.customer.CustomerService;
import com.creditdesk.identity.Roles;
import com.creditdesk.investigation.CreditFile;
import com.creditdesk.investigation.CreditFileSummary;
import com.creditdesk.investigation.CreditInvestigationProcess;
import com.creditdesk.investigation.CreditInvestigationService;
import com.creditdesk.scoring.FinancialStatement;
import com.creditdesk.system.Messages;
import com.creditdesk.system.Money;
import com.creditdesk.system.SystemActions;
import com.creditdesk.system.UserInput;

/**
 * Opens the review: finds the customer (by id from a trigger, or by credit code from the rep's start form), makes
 * sure a rep asks only for their own customers, opens the credit case, and fills the rep's update form with the
 * last credit file so the rep changes only what changed.
 */
@Component
class OpenReviewDelegate implements JavaDelegate {

	private final CustomerService customers;

	private final CreditInvestigationService investigations;

	private final ReevaluationService reviews;

	OpenReviewDelegate(CustomerService customers, CreditInvestigationService investigations,
			ReevaluationService reviews) {
		this.customers = customers;
		this.investigations = investigations;
		this.reviews = reviews;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// A person (authenticated) can only ask for a review: the other trigger kinds are the system's, which starts
		// those reviews without an authenticated user.
		java.util.Optional<String> person = SystemActions
			.authenticatedUser(execution.getProcessEngineServices().getIdentityService());
		String initiator = person
			.orElseGet(() -> CreditInvestigationProcess.text(execution, CreditReevaluationProcess.INITIATOR));
		Object triggerValue = execution.getVariable(CreditReevaluationProcess.TRIGGER);
		TriggerKind kind = person.isPresent() || triggerValue == null ? TriggerKind.ON_REQUEST
				: TriggerKind.valueOf(triggerValue.toString());
		Customer customer = customer(execution, person.isPresent());
		if (kind == TriggerKind.ON_REQUEST && initiator != null && !initiator.equals(customer.getResponsibleRep())
				&& !isManager(execution, initiator)) {
			String message = Messages.text("review.otherRepsCustomer", customer.getName(), customer.getResponsibleRep());
			throw UserInput.rejection(message, Map.of("creditCode", message));
		}
		String reason = reason(execution, kind);
		UserInput.check(() -> customers.openCase(customer.getId(), execution.getProcessInstanceId()));
		reviews.recordStarted(customer.getId(), kind, reason, initiator, execution.getProcessInstanceId());

		// the business key people search by in Cockpit: the unified social credit code
		execution.setProcessBusinessKey(customer.getCreditCode());
		execution.setVariable(CreditInvestigationProcess.CUSTOMER_ID, customer.getId());
		execution.setVariable(CreditInvestigationProcess.CUSTOMER_NAME, customer.getName());
		execution.setVariable(CreditInvestigationProcess.CREDIT_CODE, customer.getCreditCode());
		execution.setVariable(CreditInvestigationProcess.REQUESTER, customer.getResponsibleRep());
		execution.setVariable(CreditReevaluationProcess.TRIGGER, kind.name());
		execution.setVariable(CreditReevaluationProcess.TRIGGER_TEXT, kind.name() + ": " + reason);
		CreditReevaluationProcess.PREVIOUS_LIMIT.set(execution, customer.getCreditLimit());
		execution.setVariable(CreditReevaluationProcess.PREVIOUS_LIMIT_TEXT, Money.format(customer.getCreditLimit()));
		execution.setVariable(CreditReevaluationProcess.PREVIOUS_GRADE,
				customer.getCreditGrade() == null ? "none" : customer.getCreditGrade());
		investigations.latestFile(customer.getId()).ifPresent(file -> prefill(execution, customer, file));
	}

	private Customer customer(DelegateExecution execution, boolean byPerson) {
		Object id = byPerson ? null : execution.getVariable(CreditInvestigationProcess.CUSTOMER_ID);
		if (id instanceof Number number) {
			return customers.get(number.longValue());
		}
		String code = CreditInvestigationProcess.text(execution, CreditInvestigationProcess.CREDIT_CODE);
		return customers.findByCreditCode(code == null ? "" : code)
			.orElseThrow(() -> {
				String message = Messages.text("review.unknownCreditCode", String.valueOf(code));
				return UserInput.rejection(message, Map.of("creditCode", message));
			});
	}

	private static String reason(DelegateExecution execution, TriggerKind kind) {
		String reason = CreditInvestigationProcess.text(execution, CreditReevaluationProcess.REASON);
		if (kind == TriggerKind.ON_REQUEST) {
			String change = CreditInvestigationProcess.text(execution, CreditReevaluationProcess.REQUESTED_CHANGE);
			if (reason == null || reason.length() < 10) {
				String message = Messages.text("review.reasonTooShort");
				throw UserInput.rejection(message, Map.of(CreditReevaluationProcess.REASON, message));
			}
			return (change == null ? "REVIEW" : change.toUpperCase(Locale.ROOT)) + " requested: " + reason;
		}
		return reason == null ? kind.name() : reason;
	}

	/** Whether the person belongs to a group that sees every customer (a manager or an administrator). */
	static boolean isManager(DelegateExecution execution, String userId) {
		return execution.getProcessEngineServices()
			.getIdentityService()
			.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.anyMatch(group -> Roles.isManagement(group.getId()));
	}

	/** The last file's figures and ratings, so the rep's form starts from them; also its values for comparison. */
	private static void prefill(DelegateExecution execution, Customer customer, CreditFile file) {
		FinancialStatement s = file.getStatement();
		if (s.quickAssets() == null) {
			return;
		}
		execution.setVariable(CreditInvestigationProcess.STATEMENT_PERIOD, file.getStatementPeriod());
		execution.setVariable(CreditInvestigationProcess.STATEMENTS_AUDITED, file.isStatementsAudited());
		Map<String, BigDecimal> figures = Map.of("quickAssets", s.quickAssets(), "currentLiabilities",
				s.currentLiabilities(), "totalLiabilities", s.totalLiabilities(), "totalAssetsStart",
				s.totalAssetsStart(), "totalAssetsEnd", s.totalAssetsEnd(), "salesRevenue", s.salesRevenue(),
				"netProfit", s.netProfit(), CreditInvestigationProcess.EXPECTED_MONTHLY_PURCHASES,
				file.getExpectedMonthlyPurchases(), CreditInvestigationProcess.REQUESTED_LIMIT,
				customer.getCreditLimit().signum() > 0 ? customer.getCreditLimit() : file.getRequestedLimit());
		figures.forEach((name, value) -> execution.setVariable(name, value.doubleValue()));
		execution.setVariable(CreditInvestigationProcess.PAYMENT_TERM_DAYS, file.getPaymentTermDays());
		file.getRatings().forEach((item, rating) -> {
			// as the form's 1–5 choice submits it: a string
			execution.setVariable(item.ratingKey(), String.valueOf(rating.value()));
			execution.setVariable(item.noteKey(), rating.note());
		});
		if (file.getCreditScore() != null) {
			execution.setVariable(CreditReevaluationProcess.PREVIOUS_SCORE, file.getCreditScore());
		}
		Map<String, String> previous = CreditFileSummary.summaryOf(file)
			.ratioAssessments()
			.entrySet()
			.stream()
			.collect(Collectors.toMap(e -> "previous" + Character.toUpperCase(e.getKey().charAt(0))
					+ e.getKey().substring(1), Map.Entry::getValue));
		previous.forEach(execution::setVariable);
	}

}
