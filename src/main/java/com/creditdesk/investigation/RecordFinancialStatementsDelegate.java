package com.creditdesk.investigation;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.creditdesk.scoring.FinancialRatios;
import com.creditdesk.system.Money;
import com.creditdesk.system.SharedProcessStep;
import com.creditdesk.system.StepValue;

/**
 * Checks the statement figures and ratings; valid ones go into the credit file with the computed ratios, and the
 * ratios become the scorecard's inputs for this step only ({@link StepValue}: the credit file is their record).
 * Invalid ones never reach the engine as an exception: the flow goes to the rep's "correct the figures" task with a
 * message naming each field.
 */
@SharedProcessStep
@Component
class RecordFinancialStatementsDelegate implements JavaDelegate {

	private final CreditInvestigationService investigations;

	RecordFinancialStatementsDelegate(CreditInvestigationService investigations) {
		this.investigations = investigations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		InvestigationInput input = CreditInvestigationProcess.investigationInput(execution);
		Map<String, String> problems = input.problems();
		if (!problems.isEmpty()) {
			StepValue.set(execution, CreditInvestigationProcess.FIGURES_VALID, false);
			execution.setVariable(CreditInvestigationProcess.FIGURES_PROBLEM, String.join("\n", problems.values()));
			return;
		}
		CreditFile file = investigations.recordFigures(CreditInvestigationProcess.creditFileId(execution),
				CreditInvestigationProcess.customerId(execution), execution.getProcessInstanceId(), kind(execution),
				input, CreditInvestigationProcess.text(execution, CreditInvestigationProcess.REQUESTER));
		FinancialRatios ratios = file.getRatios();
		execution.setVariable(CreditInvestigationProcess.CREDIT_FILE_ID, file.getId());
		execution.setVariable(CreditInvestigationProcess.STATEMENTS_AUDITED, file.isStatementsAudited());
		StepValue.set(execution, CreditInvestigationProcess.FIGURES_VALID, true);
		execution.removeVariable(CreditInvestigationProcess.FIGURES_PROBLEM);
		StepValue.set(execution, CreditInvestigationProcess.QUICK_RATIO, ratios.quickRatio().doubleValue());
		StepValue.set(execution, CreditInvestigationProcess.DEBT_TO_ASSET_RATIO, ratios.debtToAssetRatio().doubleValue());
		StepValue.set(execution, CreditInvestigationProcess.ASSET_TURNOVER, ratios.assetTurnover().doubleValue());
		StepValue.set(execution, CreditInvestigationProcess.NET_PROFIT_MARGIN, ratios.netProfitMargin().doubleValue());
		StepValue.set(execution, CreditInvestigationProcess.NET_WORTH, ratios.netWorth().doubleValue());
		StepValue.set(execution, CreditInvestigationProcess.QUALITATIVE_POINTS, file.getQualitativePoints());
		Map<String, Object> shown = new HashMap<>(CreditFileSummary.assessments(ratios));
		shown.put(CreditInvestigationProcess.REQUESTED_LIMIT_TEXT, Money.format(file.getRequestedLimit()));
		CreditInvestigationProcess.show(execution, shown);
	}

	private static CreditFileKind kind(DelegateExecution execution) {
		return CreditInvestigationProcess.KEY.equals(execution.getProcessDefinitionId().split(":")[0])
				? CreditFileKind.INVESTIGATION : CreditFileKind.REEVALUATION;
	}

}
