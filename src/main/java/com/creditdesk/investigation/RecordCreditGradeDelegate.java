package com.creditdesk.investigation;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.creditdesk.system.DecisionVersions;
import com.creditdesk.system.SharedProcessStep;

/** Puts the scorecard's score and grade into the credit file, with the decision versions that produced them. */
@SharedProcessStep
@Component
class RecordCreditGradeDelegate implements JavaDelegate {

	private final CreditInvestigationService investigations;

	private final DecisionVersions decisionVersions;

	RecordCreditGradeDelegate(CreditInvestigationService investigations, DecisionVersions decisionVersions) {
		this.investigations = investigations;
		this.decisionVersions = decisionVersions;
	}

	@Override
	public void execute(DelegateExecution execution) {
		@SuppressWarnings("unchecked")
		Map<String, Object> result = (Map<String, Object>) execution.getVariable(CreditInvestigationProcess.GRADE_RESULT);
		int score = ((Number) result.get(CreditInvestigationProcess.CREDIT_SCORE)).intValue();
		String grade = (String) result.get(CreditInvestigationProcess.CREDIT_GRADE);
		investigations.recordGrade(CreditInvestigationProcess.creditFileId(execution), score, grade,
				decisionVersions.describe(execution, "credit-grade", "credit-score"));
		execution.setVariable(CreditInvestigationProcess.CREDIT_SCORE, score);
		execution.setVariable(CreditInvestigationProcess.CREDIT_GRADE, grade);
		execution.removeVariable(CreditInvestigationProcess.GRADE_RESULT);
	}

}
