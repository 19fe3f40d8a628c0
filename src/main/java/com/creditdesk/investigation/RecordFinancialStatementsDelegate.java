package com.creditdesk.investigation;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.creditdesk.scoring.FinancialRatios;
import com.creditdesk.system.Money;
import com.creditdesk.system.SharedProcessStep;

/**
 * Checks the statement figures and ratings; valid ones go into the credit file with the computed ratios, and the
 * ratios become the scorecard's inputs. Invalid ones never reach the engine as an exception: the flow goes to the
 * rep's "correct the figures" task with a message naming each field.
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
			execution.setVariable(CreditInvestigationProcess.FIGURES_VALID, false);
			execution.setVariable(CreditInvestigationProcess.FIGURES_PROBLEM, String.join("\n", problems.values()));
			return;
		}
		CreditFile file = investigations.recordFigures(CreditInvestigationProcess.creditFileId(execution),
				CreditInvestigationProcess.customerId(execution), execution.getProcessInstanceId(), kind(execution),
				input, CreditInvestigationProcess.text(execution, CreditInvestigationProcess.REQUESTER));
		FinancialRatios ratios = file.getRatios();
		execution.setVariable(CreditInvestigationProcess.CREDIT_FILE_ID, file.getId());
		execution.setVariable(CreditInvestigationProcess.STATEMENTS_AUDITED, file.isStatementsAudited());
		execution.setVariable(CreditInvestigationProcess.FIGURES_VALID, true);
		execution.removeVariable(CreditInvestigationProcess.FIGURES_PROBLEM);
		execution.setVariable(CreditInvestigationProcess.QUICK_RATIO, ratios.quickRatio().doubleValue());
		execution.setVariable(CreditInvestigationProcess.DEBT_TO_ASSET_RATIO, ratios.debtToAssetRatio().doubleValue());
		execution.setVariable(CreditInvestigationProcess.ASSET_TURNOVER, ratios.assetTurnover().doubleValue());
		execution.setVariable(CreditInvestigationProcess.NET_PROFIT_MARGIN, ratios.netProfitMargin().doubleValue());
		execution.setVariable(CreditInvestigationProcess.NET_WORTH, ratios.netWorth().doubleValue());
		execution.setVariable(CreditInvestigationProcess.QUALITATIVE_POINTS, file.getQualitativePoints());
		execution.setVariable(CreditInvestigationProcess.REQUESTED_LIMIT + "Text", Money.format(file.getRequestedLimit()));
		CreditFileSummary.assessments(ratios).forEach(execution::setVariable);
	}

	private static CreditFileKind kind(DelegateExecution execution) {
		return CreditInvestigationProcess.KEY.equals(execution.getProcessDefinitionId().split(":")[0])
				? CreditFileKind.INVESTIGATION : CreditFileKind.REEVALUATION;
	}

}
