package com.creditdesk.investigation;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.creditdesk.scoring.ScoreExplanation;
import com.creditdesk.system.DecisionVersions;
import com.creditdesk.system.Money;
import com.creditdesk.system.SharedProcessStep;
import com.creditdesk.system.StepValue;

/** Records the suggested limit and whether (and why) the customer's bank must be consulted. */
@SharedProcessStep
@Component
class RecordLimitSuggestionDelegate implements JavaDelegate {

	private final CreditInvestigationService investigations;

	private final DecisionVersions decisionVersions;

	private final ScoreExplanation explanation;

	RecordLimitSuggestionDelegate(CreditInvestigationService investigations, DecisionVersions decisionVersions,
			ScoreExplanation explanation) {
		this.explanation = explanation;
		this.investigations = investigations;
		this.decisionVersions = decisionVersions;
	}

	@Override
	public void execute(DelegateExecution execution) {
		BigDecimal suggested = Money.of(execution.getVariable(CreditInvestigationProcess.SUGGESTED_LIMIT_RESULT));
		@SuppressWarnings("unchecked")
		List<Object> reasonValues = (List<Object>) execution
			.getVariable(CreditInvestigationProcess.BANK_INQUIRY_REASON_LIST);
		List<String> reasons = reasonValues == null ? List.of() : reasonValues.stream().map(String::valueOf).toList();
		boolean bankChecked = execution.hasVariable(CreditInvestigationProcess.BANK_INQUIRY_REASON_LIST);
		String versions = bankChecked
				? decisionVersions.describe(execution, "credit-grade", "credit-score", "suggested-limit",
						"bank-inquiry-needed", "review-interval")
				: decisionVersions.describe(execution, "credit-grade", "credit-score", "suggested-limit",
						"review-interval");
		// evaluated just before; a suggestion re-run by hand from Cockpit keeps the policy recorded for these figures
		ReviewPolicy evaluated = execution.hasVariable(CreditInvestigationProcess.REVIEW_POLICY)
				? ReviewPolicy.of(execution) : null;
		CreditFile file = investigations.recordSuggestion(CreditInvestigationProcess.creditFileId(execution), suggested,
				reasons, versions, evaluated);
		ReviewPolicy policy = file.getReviewPolicy();
		if (policy == null) {
			throw new IllegalStateException("credit file " + file.getId()
					+ " has no review policy: run the case from Task_DetermineReviewInterval");
		}
		StepValue.set(execution, CreditInvestigationProcess.BANK_INQUIRY_NEEDED, !reasons.isEmpty());
		Map<String, Object> shown = new HashMap<>();
		// the application form warns while the rep types when the amount is above the suggestion (a number for FEEL)
		// or the validity asked for is longer than the grade's policy
		shown.put(CreditInvestigationProcess.SUGGESTED_LIMIT, suggested.doubleValue());
		shown.put(CreditInvestigationProcess.LIMIT_VALIDITY_MONTHS, policy.limitValidityMonths());
		String explained = explanation.explain(file).text();
		investigations.keepScoreExplanation(file.getId(), explained);
		shown.put(CreditInvestigationProcess.SCORE_EXPLANATION_TEXT, explained);
		shown.put(CreditInvestigationProcess.SUGGESTED_LIMIT_TEXT, Money.format(suggested));
		shown.put(CreditInvestigationProcess.BANK_INQUIRY_REASONS_TEXT, String.join("\n", reasons));
		CreditInvestigationProcess.show(execution, shown);
		execution.removeVariable(CreditInvestigationProcess.SUGGESTED_LIMIT_RESULT);
		execution.removeVariable(CreditInvestigationProcess.BANK_INQUIRY_REASON_LIST);
		execution.removeVariable(CreditInvestigationProcess.REVIEW_POLICY); // on the credit file now
	}

}
