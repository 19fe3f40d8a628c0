package com.creditdesk.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.creditdesk.investigation.CreditFile;
import com.creditdesk.investigation.CreditInvestigationService;
import com.creditdesk.support.InvestigationFixture;
import com.creditdesk.support.ProcessTestBase;

/**
 * The score explanation comes from the deployed scorecard: the sound customer of the fixtures (quick ratio 1.20,
 * debt-to-asset 45 %, turnover 4.00, margin 10 %, all ratings 3: score 71, grade A) explained, then the same file
 * explained by a changed scorecard deployed for the test.
 */
class ScoreExplanationTest extends ProcessTestBase {

	@Autowired
	CreditInvestigationService investigations;

	@Autowired
	ScoreExplanation explanation;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Test
	void explainsEveryItemByThePointsItLostAndWhatTheNextBandNeeds() {
		CreditFile file = scoredFile();
		ScoreExplanation.Explanation explained = explanation.explain(file);

		assertThat(explained.score()).isEqualTo(71);
		assertThat(explained.items()).hasSize(16);
		assertThat(explained.items()).extracting(ScoreExplanation.Item::lost).isSortedAccordingTo((a, b) -> b - a);
		ScoreExplanation.Item margin = item(explained, "netProfitMargin");
		assertThat(margin.points()).isEqualTo(7);
		assertThat(margin.maxPoints()).isEqualTo(10);
		assertThat(margin.nextStep()).contains("10.0 % → 15.0 %", "加 3 分");
		ScoreExplanation.Item debt = item(explained, "debtToAssetRatio");
		assertThat(debt.points()).isEqualTo(8);
		assertThat(debt.nextStep()).as("lower is better here").contains("45.0 % → 40.0 %", "加 2 分");
		assertThat(item(explained, "quickRatio").lost()).isZero();
		assertThat(item(explained, "quickRatio").nextStep()).isNull();
		ScoreExplanation.Item rating = item(explained, "ratingManagement");
		assertThat(rating.points()).isEqualTo(3);
		assertThat(rating.maxPoints()).isEqualTo(5);
		assertThat(explained.nextGrade()).isEqualTo("AA");
		assertThat(explained.pointsToNextGrade()).isEqualTo(9);
		// AA: 80 % of monthly purchases over the term (250,000 × 60 / 30 × 0.8), capped at 10 % of net worth
		assertThat(explained.suggestedLimitOneGradeUp()).isEqualByComparingTo("275000");
		assertThat(explained.text()).contains("Net profit margin", "7/10", "再得 9 分可升为 AA");
	}

	@Test
	void aChangedScorecardChangesTheExplanation() throws Exception {
		CreditFile file = scoredFile();
		String model = Files.readString(Path.of("processes/credit-scorecard.dmn"))
			// the margin band 10–15 % now earns 9 points, and the top band starts at 12 %
			.replace("<text>[0.10..0.15[</text>", "<text>[0.10..0.12[</text>")
			.replace("<text>&gt;= 0.15</text>", "<text>&gt;= 0.12</text>")
			.replace("""
					<outputEntry id="LiteralExpression_NetProfitMarginFrom10Below15Percent_CreditScore">
					          <text>7</text>""".replace("\t", ""), """
					<outputEntry id="LiteralExpression_NetProfitMarginFrom10Below15Percent_CreditScore">
					          <text>9</text>""".replace("\t", ""));
		assertThat(model).contains("<text>9</text>");
		Deployment changed = engine.getRepositoryService()
			.createDeployment()
			.name("changed scorecard (test)")
			.addString("credit-scorecard.dmn", model)
			.deploy();
		try {
			ScoreExplanation.Item margin = item(explanation.explain(file, ""), "netProfitMargin");
			assertThat(margin.points()).isEqualTo(9);
			assertThat(margin.nextStep()).contains("10.0 % → 12.0 %", "加 1 分");
			// the file itself keeps the version that scored it
			assertThat(item(explanation.explain(file), "netProfitMargin").points()).isEqualTo(7);
		}
		finally {
			engine.getRepositoryService().deleteDeployment(changed.getId(), true);
		}
	}

	@Test
	void theFileKeepsTheTextTheRepsFormShowedAndTheApproversReadItFromThere() {
		ProcessInstance investigation = startInvestigation("ana", InvestigationFixture.soundCustomer());
		CreditFile file = investigations.filesOf(customerId(investigation)).get(0);
		String explained = explanation.explain(file).text();
		assertThat(file.getScoreExplanation()).isEqualTo(explained).contains("再得 9 分可升为 AA");
		assertThat(((java.util.Map<?, ?>) engine.getRuntimeService().getVariable(investigation.getId(), "creditFileView"))
			.get("scoreExplanationText")).isEqualTo(explained);

		// the approvers' view takes the kept text (marked here to tell it from one worked out anew)
		jdbc.update("update credit_file set score_explanation = ? where id = ?", "as kept: " + explained, file.getId());
		prepareApplication(investigation, "ana", 200_000);
		Task approval = openTask(investigation);
		assertThat(((java.util.Map<?, ?>) engine.getTaskService().getVariable(approval.getId(), "approvalView"))
			.get("scoreExplanationText")).isEqualTo("as kept: " + explained);
	}

	@Test
	void aFileScoredBeforeTheTextWasKeptIsExplainedWhenShown() {
		ProcessInstance investigation = startInvestigation("ana", InvestigationFixture.soundCustomer());
		CreditFile file = investigations.filesOf(customerId(investigation)).get(0);
		jdbc.update("update credit_file set score_explanation = null where id = ?", file.getId());
		prepareApplication(investigation, "ana", 200_000);
		Task approval = openTask(investigation);
		assertThat(((java.util.Map<?, ?>) engine.getTaskService().getVariable(approval.getId(), "approvalView"))
			.get("scoreExplanationText")).isEqualTo(explanation.explain(file).text());
	}

	private CreditFile scoredFile() {
		ProcessInstance investigation = startInvestigation("ana", InvestigationFixture.soundCustomer());
		return investigations.filesOf(customerId(investigation)).get(0);
	}

	private static ScoreExplanation.Item item(ScoreExplanation.Explanation explained, String key) {
		return explained.items().stream().filter(i -> i.key().equals(key)).findFirst().orElseThrow();
	}

}
