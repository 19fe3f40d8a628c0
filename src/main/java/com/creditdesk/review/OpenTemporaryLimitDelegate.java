package com.creditdesk.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.creditdesk.approval.CreditGrantApprovalCall;
import com.creditdesk.customer.Customer;
import com.creditdesk.customer.CustomerService;
import com.creditdesk.customer.TemporaryLimit;
import com.creditdesk.customer.TemporaryLimits;
import com.creditdesk.investigation.CreditFile;
import com.creditdesk.investigation.CreditInvestigationProcess;
import com.creditdesk.investigation.CreditInvestigationService;
import com.creditdesk.investigation.PolicyExceptions;
import com.creditdesk.system.BusinessClock;
import com.creditdesk.system.DecisionVersions;
import com.creditdesk.system.Inputs;
import com.creditdesk.system.InvalidRequestException;
import com.creditdesk.system.Messages;
import com.creditdesk.system.Money;
import com.creditdesk.system.SystemActions;
import com.creditdesk.system.UserInput;

/**
 * Opens a temporary limit increase (临时额度): who asks is the authenticated person, the customer is found by its
 * credit code and must be hers (or she a manager), the request and its credit file are recorded, and the approval
 * chain is asked for the combined amount (limit plus increase), with the policy's exceptions evaluated on it.
 */
@Component
class OpenTemporaryLimitDelegate implements JavaDelegate {

	private static final int MIN_REASON = 20;

	private static final int MAX_REASON = 1000;

	private final CustomerService customers;

	private final TemporaryLimits temporaryLimits;

	private final CreditInvestigationService investigations;

	private final DecisionVersions decisions;

	OpenTemporaryLimitDelegate(CustomerService customers, TemporaryLimits temporaryLimits,
			CreditInvestigationService investigations, DecisionVersions decisions) {
		this.customers = customers;
		this.temporaryLimits = temporaryLimits;
		this.investigations = investigations;
		this.decisions = decisions;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String requester = SystemActions.authenticatedUser(execution.getProcessEngineServices().getIdentityService())
			.orElseThrow(() -> new IllegalStateException("a temporary limit increase is asked for by a person"));
		Map<String, String> problems = new LinkedHashMap<>();
		BigDecimal amount = checked(problems, () -> Inputs.positiveAmount(TemporaryLimitProcess.AMOUNT,
				Messages.text("label.temporaryAmount"),
				CreditInvestigationProcess.money(execution, TemporaryLimitProcess.AMOUNT)));
		LocalDate from = date(execution, TemporaryLimitProcess.FROM, problems);
		LocalDate until = date(execution, TemporaryLimitProcess.UNTIL, problems);
		String reason = checked(problems, () -> Inputs.requiredText(TemporaryLimitProcess.REASON,
				Messages.text("label.temporaryReason"),
				CreditInvestigationProcess.text(execution, TemporaryLimitProcess.REASON), MAX_REASON));
		if (reason != null && reason.length() < MIN_REASON) {
			problems.put(TemporaryLimitProcess.REASON, Messages.text("temporaryLimit.reasonTooShort",
					String.valueOf(MIN_REASON)));
		}
		if (!problems.isEmpty()) {
			throw UserInput.rejection(problems);
		}
		String code = CreditInvestigationProcess.text(execution, CreditInvestigationProcess.CREDIT_CODE);
		Customer customer = customers.findByCreditCode(code == null ? "" : code).orElseThrow(() -> {
			String message = Messages.text("review.unknownCreditCode", String.valueOf(code));
			return UserInput.rejection(message, Map.of(CreditInvestigationProcess.CREDIT_CODE, message));
		});
		if (!requester.equals(customer.getResponsibleRep()) && !OpenReviewDelegate.isManager(execution, requester)) {
			String message = Messages.text("temporaryLimit.otherRepsCustomer", customer.getName(),
					customer.getResponsibleRep());
			throw UserInput.rejection(message, Map.of(CreditInvestigationProcess.CREDIT_CODE, message));
		}
		String processInstanceId = execution.getProcessInstanceId();
		TemporaryLimit temporary = UserInput.check(() -> temporaryLimits.request(customer.getId(), amount, from, until,
				reason, requester, processInstanceId));
		UserInput.check(() -> customers.openCase(customer.getId(), processInstanceId));
		CreditFile file = UserInput
			.check(() -> investigations.openTemporaryIncrease(customer.getId(), processInstanceId, requester));

		// the chain decides the combined amount, for the days of the increase
		BigDecimal combined = customer.getCreditLimit().add(temporary.getAmount());
		LocalDate today = BusinessClock.today();
		int termMonths = (int) Math.max(1, Math.ceil(ChronoUnit.DAYS.between(today, until.plusDays(1)) / 30.0));
		PolicyExceptions exceptions = exceptions(execution, file, combined, termMonths);
		String summary = Messages.text("temporaryLimit.summary", Money.format(temporary.getAmount()),
				Money.format(customer.getCreditLimit()), Money.format(combined), from.toString(), until.toString());
		investigations.submitApplication(file.getId(), combined, termMonths, summary + " " + reason, requester,
				exceptions, reason);

		execution.setProcessBusinessKey(customer.getCreditCode());
		execution.setVariable(CreditInvestigationProcess.CUSTOMER_ID, customer.getId());
		execution.setVariable(CreditInvestigationProcess.CUSTOMER_NAME, customer.getName());
		execution.setVariable(CreditInvestigationProcess.CREDIT_FILE_ID, file.getId());
		execution.setVariable(CreditInvestigationProcess.REQUESTER, requester);
		execution.setVariable(CreditInvestigationProcess.POLICY_EXCEPTION, !exceptions.isEmpty());
		CreditGrantApprovalCall.request(execution, new CreditGrantApprovalCall.Request(file.getId(), until));
		execution.setVariable(TemporaryLimitProcess.TEMPORARY_LIMIT_ID, temporary.getId());
		execution.setVariable(TemporaryLimitProcess.ENDS, until.plusDays(1).atStartOfDay().toString());
		execution.setVariable(TemporaryLimitProcess.SUMMARY, summary);
	}

	private PolicyExceptions exceptions(DelegateExecution execution, CreditFile file, BigDecimal combined,
			int termMonths) {
		boolean keyAccount = customers.get(file.getCustomerId()).isKeyAccount();
		List<Map<String, Object>> policy = decisions.evaluate(execution, "review-interval",
				Map.of("creditGrade", file.getCreditGrade(), "keyAccount", keyAccount));
		Map<String, Object> inputs = new HashMap<>();
		inputs.put("proposedLimit", combined.doubleValue());
		inputs.put("suggestedLimit", file.getSuggestedLimit().doubleValue());
		inputs.put("netWorth", file.getRatios().netWorth() == null ? 0.0 : file.getRatios().netWorth().doubleValue());
		inputs.put("proposedTermMonths", termMonths);
		inputs.put("limitValidityMonths", policy.isEmpty() ? 0 : ((Number) policy.get(0).get("limitValidityMonths")).intValue());
		return PolicyExceptions.of(decisions.evaluate(execution, PolicyExceptions.DECISION, inputs));
	}

	/** The checked value, or null with the field's problem recorded. */
	private static <T> T checked(Map<String, String> problems, java.util.function.Supplier<T> check) {
		try {
			return check.get();
		}
		catch (InvalidRequestException e) {
			problems.putAll(e.fields());
			return null;
		}
	}

	private static LocalDate date(DelegateExecution execution, String name, Map<String, String> problems) {
		Object value = execution.getVariable(name);
		if (value instanceof java.util.Date date) {
			return date.toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalDate();
		}
		String text = CreditInvestigationProcess.text(execution, name);
		if (text == null) {
			problems.put(name, Messages.text("temporaryLimit.dateRequired"));
			return null;
		}
		try {
			return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
		}
		catch (DateTimeParseException e) {
			problems.put(name, Messages.text("collection.notADate", text));
			return null;
		}
	}

}
