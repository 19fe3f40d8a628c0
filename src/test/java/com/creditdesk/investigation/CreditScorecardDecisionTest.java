package com.creditdesk.investigation;

import static java.util.stream.Collectors.toMap;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Engine tests of {@code processes/credit-scorecard.dmn}: one case per scoring band, grade band, limit rule and
 * bank-inquiry reason.
 */
class CreditScorecardDecisionTest {

	/** Three other ratios in their top band (3 x 10 points) plus the maximum qualitative points (60). */
	private static final int STRONG_ELSEWHERE = 90;

	/** Ids of the rules that matched in the latest evaluation, by decision key. */
	private static final Map<String, List<String>> matchedRules = new HashMap<>();

	private static DmnEngine engine;

	private static Map<String, DmnDecision> decisions;

	@BeforeAll
	static void parseModel() throws IOException {
		DmnDecisionTableEvaluationListener recordMatchedRules = event -> matchedRules.put(
				event.getDecisionTable().getKey(),
				event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).toList());
		engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
			.customPostDecisionTableEvaluationListeners(List.of(recordMatchedRules))
			.buildEngine();
		try (InputStream model = new FileInputStream("processes/credit-scorecard.dmn")) {
			decisions = engine.parseDecisions(model).stream().collect(toMap(DmnDecision::getKey, Function.identity()));
		}
	}

	// ------------------------------------------------------------------ credit-score: quick ratio

	@Test
	void quickRatioOfOneOrMoreEarnsTenPoints() {
		assertThat(creditScore(Financials.strong().withQuickRatio(1.0))).isEqualTo(STRONG_ELSEWHERE + 10);
		assertThat(creditScore(Financials.strong().withQuickRatio(2.5))).isEqualTo(STRONG_ELSEWHERE + 10);
	}

	@Test
	void quickRatioFrom0_8BelowOneEarnsSevenPoints() {
		assertThat(creditScore(Financials.strong().withQuickRatio(0.8))).isEqualTo(STRONG_ELSEWHERE + 7);
		assertThat(creditScore(Financials.strong().withQuickRatio(0.99))).isEqualTo(STRONG_ELSEWHERE + 7);
	}

	@Test
	void quickRatioFrom0_5Below0_8EarnsFourPoints() {
		assertThat(creditScore(Financials.strong().withQuickRatio(0.5))).isEqualTo(STRONG_ELSEWHERE + 4);
		assertThat(creditScore(Financials.strong().withQuickRatio(0.79))).isEqualTo(STRONG_ELSEWHERE + 4);
	}

	@Test
	void quickRatioBelow0_5EarnsNoPoints() {
		assertThat(creditScore(Financials.strong().withQuickRatio(0.49))).isEqualTo(STRONG_ELSEWHERE);
		assertThat(creditScore(Financials.strong().withQuickRatio(0.0))).isEqualTo(STRONG_ELSEWHERE);
	}

	// ------------------------------------------------------------------ credit-score: debt-to-asset ratio

	@Test
	void debtToAssetOf40PercentOrLessEarnsTenPoints() {
		assertThat(creditScore(Financials.strong().withDebtToAssetRatio(0.40))).isEqualTo(STRONG_ELSEWHERE + 10);
		assertThat(creditScore(Financials.strong().withDebtToAssetRatio(0.10))).isEqualTo(STRONG_ELSEWHERE + 10);
	}

	@Test
	void debtToAssetAbove40UpTo50PercentEarnsEightPoints() {
		assertThat(creditScore(Financials.strong().withDebtToAssetRatio(0.4001))).isEqualTo(STRONG_ELSEWHERE + 8);
		assertThat(creditScore(Financials.strong().withDebtToAssetRatio(0.50))).isEqualTo(STRONG_ELSEWHERE + 8);
	}

	@Test
	void debtToAssetAbove50UpTo60PercentEarnsFivePoints() {
		assertThat(creditScore(Financials.strong().withDebtToAssetRatio(0.5001))).isEqualTo(STRONG_ELSEWHERE + 5);
		assertThat(creditScore(Financials.strong().withDebtToAssetRatio(0.60))).isEqualTo(STRONG_ELSEWHERE + 5);
	}

	@Test
	void debtToAssetAbove60UpTo70PercentEarnsTwoPoints() {
		assertThat(creditScore(Financials.strong().withDebtToAssetRatio(0.6001))).isEqualTo(STRONG_ELSEWHERE + 2);
		assertThat(creditScore(Financials.strong().withDebtToAssetRatio(0.70))).isEqualTo(STRONG_ELSEWHERE + 2);
	}

	@Test
	void debtToAssetAbove70PercentEarnsNoPoints() {
		assertThat(creditScore(Financials.strong().withDebtToAssetRatio(0.7001))).isEqualTo(STRONG_ELSEWHERE);
		assertThat(creditScore(Financials.strong().withDebtToAssetRatio(0.95))).isEqualTo(STRONG_ELSEWHERE);
	}

	// ------------------------------------------------------------------ credit-score: asset turnover

	@Test
	void assetTurnoverOfFourOrMoreEarnsTenPoints() {
		assertThat(creditScore(Financials.strong().withAssetTurnover(4.0))).isEqualTo(STRONG_ELSEWHERE + 10);
		assertThat(creditScore(Financials.strong().withAssetTurnover(6.5))).isEqualTo(STRONG_ELSEWHERE + 10);
	}

	@Test
	void assetTurnoverFromThreeBelowFourEarnsSevenPoints() {
		assertThat(creditScore(Financials.strong().withAssetTurnover(3.0))).isEqualTo(STRONG_ELSEWHERE + 7);
		assertThat(creditScore(Financials.strong().withAssetTurnover(3.99))).isEqualTo(STRONG_ELSEWHERE + 7);
	}

	@Test
	void assetTurnoverFromTwoBelowThreeEarnsFourPoints() {
		assertThat(creditScore(Financials.strong().withAssetTurnover(2.0))).isEqualTo(STRONG_ELSEWHERE + 4);
		assertThat(creditScore(Financials.strong().withAssetTurnover(2.99))).isEqualTo(STRONG_ELSEWHERE + 4);
	}

	@Test
	void assetTurnoverBelowTwoEarnsOnePoint() {
		assertThat(creditScore(Financials.strong().withAssetTurnover(1.99))).isEqualTo(STRONG_ELSEWHERE + 1);
		assertThat(creditScore(Financials.strong().withAssetTurnover(0.5))).isEqualTo(STRONG_ELSEWHERE + 1);
	}

	// ------------------------------------------------------------------ credit-score: net profit margin

	@Test
	void netProfitMarginOf15PercentOrMoreEarnsTenPoints() {
		assertThat(creditScore(Financials.strong().withNetProfitMargin(0.15))).isEqualTo(STRONG_ELSEWHERE + 10);
		assertThat(creditScore(Financials.strong().withNetProfitMargin(0.30))).isEqualTo(STRONG_ELSEWHERE + 10);
	}

	@Test
	void netProfitMarginFrom10Below15PercentEarnsSevenPoints() {
		assertThat(creditScore(Financials.strong().withNetProfitMargin(0.10))).isEqualTo(STRONG_ELSEWHERE + 7);
		assertThat(creditScore(Financials.strong().withNetProfitMargin(0.1499))).isEqualTo(STRONG_ELSEWHERE + 7);
	}

	@Test
	void netProfitMarginFrom5Below10PercentEarnsFourPoints() {
		assertThat(creditScore(Financials.strong().withNetProfitMargin(0.05))).isEqualTo(STRONG_ELSEWHERE + 4);
		assertThat(creditScore(Financials.strong().withNetProfitMargin(0.0999))).isEqualTo(STRONG_ELSEWHERE + 4);
	}

	@Test
	void netProfitMarginFromBreakEvenBelow5PercentEarnsTwoPoints() {
		assertThat(creditScore(Financials.strong().withNetProfitMargin(0.0))).isEqualTo(STRONG_ELSEWHERE + 2);
		assertThat(creditScore(Financials.strong().withNetProfitMargin(0.0499))).isEqualTo(STRONG_ELSEWHERE + 2);
	}

	@Test
	void lossMakingCustomerEarnsNoMarginPoints() {
		assertThat(creditScore(Financials.strong().withNetProfitMargin(-0.0001))).isEqualTo(STRONG_ELSEWHERE);
		assertThat(creditScore(Financials.strong().withNetProfitMargin(-0.20))).isEqualTo(STRONG_ELSEWHERE);
	}

	// ------------------------------------------------------------------ credit-score: qualitative points and totals

	@Test
	void qualitativePointsAreAddedToTheFinancialPoints() {
		assertThat(creditScore(Financials.strong().withQualitativePoints(12))).isEqualTo(40 + 12);
		assertThat(creditScore(Financials.strong().withQualitativePoints(37))).isEqualTo(40 + 37);
		assertThat(creditScore(Financials.strong().withQualitativePoints(60))).isEqualTo(100);
	}

	@Test
	void scoreAddsOneBandPerRatioAndTheQualitativePoints() {
		// quick 0.9 -> 7, debt 55 % -> 5, turnover 2.5 -> 4, margin 7 % -> 4, qualitative 45
		assertThat(creditScore(new Financials(0.9, 0.55, 2.5, 0.07, 45))).isEqualTo(65);
	}

	@Test
	void weakestCustomerScoresOnlyTheTurnoverPointAndTheMinimumQualitativePoints() {
		assertThat(creditScore(new Financials(0.3, 0.85, 1.2, -0.05, 12))).isEqualTo(13);
	}

	@Test
	void everyBandBoundaryFallsIntoExactlyOneBandOfItsRatio() {
		// an overlap into a 0-point band would not change the sum, so count the matching rules:
		// one band per ratio plus the qualitative-points rule
		List<Financials> boundaries = List.of(Financials.strong().withQuickRatio(1.0),
				Financials.strong().withQuickRatio(0.8), Financials.strong().withQuickRatio(0.5),
				Financials.strong().withDebtToAssetRatio(0.40), Financials.strong().withDebtToAssetRatio(0.50),
				Financials.strong().withDebtToAssetRatio(0.60), Financials.strong().withDebtToAssetRatio(0.70),
				Financials.strong().withAssetTurnover(4.0), Financials.strong().withAssetTurnover(3.0),
				Financials.strong().withAssetTurnover(2.0), Financials.strong().withNetProfitMargin(0.15),
				Financials.strong().withNetProfitMargin(0.10), Financials.strong().withNetProfitMargin(0.05),
				Financials.strong().withNetProfitMargin(0.0));
		for (Financials financials : boundaries) {
			creditScore(financials);
			assertThat(matchedRules.get("credit-score")).as("rules matched by %s", financials).hasSize(5);
		}
	}

	// ------------------------------------------------------------------ credit-grade (runs the DRD from the ratios)

	@Test
	void scoreOf90OrMoreIsGradeAAA() {
		assertThat(creditGrade(Financials.strong().withQualitativePoints(50))).isEqualTo(grade("AAA", 90));
		assertThat(creditGrade(Financials.strong().withQualitativePoints(60))).isEqualTo(grade("AAA", 100));
	}

	@Test
	void scoreFrom80Below90IsGradeAA() {
		assertThat(creditGrade(Financials.strong().withQualitativePoints(49))).isEqualTo(grade("AA", 89));
		assertThat(creditGrade(Financials.strong().withQualitativePoints(40))).isEqualTo(grade("AA", 80));
	}

	@Test
	void scoreFrom70Below80IsGradeA() {
		assertThat(creditGrade(Financials.strong().withQualitativePoints(39))).isEqualTo(grade("A", 79));
		assertThat(creditGrade(Financials.strong().withQualitativePoints(30))).isEqualTo(grade("A", 70));
	}

	@Test
	void scoreFrom60Below70IsGradeB() {
		assertThat(creditGrade(Financials.strong().withQualitativePoints(29))).isEqualTo(grade("B", 69));
		assertThat(creditGrade(Financials.strong().withQualitativePoints(20))).isEqualTo(grade("B", 60));
	}

	@Test
	void scoreBelow60IsGradeCashOnly() {
		assertThat(creditGrade(Financials.strong().withQualitativePoints(19))).isEqualTo(grade("C", 59));
		assertThat(creditGrade(new Financials(0.3, 0.85, 1.2, -0.05, 12))).isEqualTo(grade("C", 13));
	}

	@Test
	void gradeIsComputedFromTheRatiosThroughTheRequiredScoreDecision() {
		assertThat(creditGrade(new Financials(0.9, 0.55, 2.5, 0.07, 45))).isEqualTo(grade("B", 65));
	}

	@Test
	void onlyTheGradeRequiresTheScoreTheLimitAndInquiryTakeTheGradeAsInput() {
		assertThat(decisions.get("credit-grade").getRequiredDecisions()).extracting(DmnDecision::getKey)
				.containsExactly("credit-score");
		assertThat(decisions.get("suggested-limit").getRequiredDecisions()).isEmpty();
		assertThat(decisions.get("bank-inquiry-needed").getRequiredDecisions()).isEmpty();
	}

	// ------------------------------------------------------------------ suggested-limit

	@Test
	void gradeAAAGetsTheFullPurchasesOverThePaymentTerm() {
		assertThat(suggestedLimit("AAA", 100_000.0, 60, 5_000_000.0)).isEqualTo(200_000.0);
	}

	@Test
	void gradeAAGets80PercentOfThePurchasesOverThePaymentTerm() {
		assertThat(suggestedLimit("AA", 100_000.0, 60, 5_000_000.0)).isEqualTo(160_000.0);
	}

	@Test
	void gradeAGets60PercentOfThePurchasesOverThePaymentTerm() {
		assertThat(suggestedLimit("A", 100_000.0, 60, 5_000_000.0)).isEqualTo(120_000.0);
	}

	@Test
	void gradeBGets40PercentOfThePurchasesOverThePaymentTerm() {
		assertThat(suggestedLimit("B", 100_000.0, 60, 5_000_000.0)).isEqualTo(80_000.0);
	}

	@Test
	void gradeCGetsNoCredit() {
		assertThat(suggestedLimit("C", 100_000.0, 60, 5_000_000.0)).isEqualTo(0.0);
	}

	@Test
	void limitIsCappedAtTenPercentOfNetWorth() {
		assertThat(suggestedLimit("A", 100_000.0, 60, 800_000.0)).isEqualTo(80_000.0);
	}

	@Test
	void capAppliesToEveryGradeAndIsRoundedDownToWholeThousands() {
		// 10 % of 505,500 = 50,550
		assertThat(suggestedLimit("AAA", 100_000.0, 60, 505_500.0)).isEqualTo(50_000.0);
		assertThat(suggestedLimit("AA", 100_000.0, 60, 505_500.0)).isEqualTo(50_000.0);
		assertThat(suggestedLimit("A", 100_000.0, 60, 505_500.0)).isEqualTo(50_000.0);
		assertThat(suggestedLimit("B", 100_000.0, 60, 505_500.0)).isEqualTo(50_000.0);
	}

	@Test
	void limitIsRoundedDownToWholeThousands() {
		// 123,456 x 45 / 30 = 185,184 before the grade factor
		assertThat(suggestedLimit("AAA", 123_456.0, 45, 10_000_000.0)).isEqualTo(185_000.0);
		assertThat(suggestedLimit("AA", 123_456.0, 45, 10_000_000.0)).isEqualTo(148_000.0); // 148,147.20
		assertThat(suggestedLimit("A", 123_456.0, 45, 10_000_000.0)).isEqualTo(111_000.0); // 111,110.40
		assertThat(suggestedLimit("B", 123_456.0, 45, 10_000_000.0)).isEqualTo(74_000.0); // 74,073.60
	}

	@Test
	void customerWithNegativeNetWorthGetsNoLimitWhateverTheGrade() {
		assertThat(suggestedLimit("AAA", 100_000.0, 60, -200_000.0)).isEqualTo(0.0);
		assertThat(suggestedLimit("AA", 100_000.0, 60, -200_000.0)).isEqualTo(0.0);
		assertThat(suggestedLimit("A", 100_000.0, 60, -200_000.0)).isEqualTo(0.0);
		assertThat(suggestedLimit("B", 100_000.0, 60, -200_000.0)).isEqualTo(0.0);
	}

	// ------------------------------------------------------------------ bank-inquiry-needed

	@Test
	void gradeBNeedsABankInquiry() {
		assertThat(inquiryReasons("B", true, 300_000.0)).containsExactly("Grade B: confirm with the customer's bank");
	}

	@Test
	void unauditedStatementsNeedABankInquiry() {
		assertThat(inquiryReasons("A", false, 300_000.0)).containsExactly("Financial statements are not audited");
	}

	@Test
	void requestedLimitAbove500kNeedsABankInquiry() {
		assertThat(inquiryReasons("AA", true, 500_000.01)).containsExactly("Requested limit above CNY 500,000");
	}

	@Test
	void requestedLimitOfExactly500kNeedsNoBankInquiry() {
		assertThat(inquiryReasons("AA", true, 500_000.0)).isEmpty();
	}

	@Test
	void auditedCustomerWithGoodGradeAndModestRequestNeedsNoBankInquiry() {
		assertThat(inquiryReasons("AAA", true, 200_000.0)).isEmpty();
	}

	@Test
	void everyApplicableReasonIsCollected() {
		assertThat(inquiryReasons("B", false, 600_000.0)).containsExactly("Grade B: confirm with the customer's bank",
				"Financial statements are not audited", "Requested limit above CNY 500,000");
	}

	// ------------------------------------------------------------------ helpers

	private static Object creditScore(Financials financials) {
		return engine.evaluateDecision(decisions.get("credit-score"), financials.variables()).getSingleEntry();
	}

	private static Map<String, Object> creditGrade(Financials financials) {
		return engine.evaluateDecision(decisions.get("credit-grade"), financials.variables()).getSingleResult()
			.getEntryMap();
	}

	private static Map<String, Object> grade(String creditGrade, int creditScore) {
		return Map.of("creditGrade", creditGrade, "creditScore", creditScore);
	}

	private static Object suggestedLimit(String creditGrade, double expectedMonthlyPurchases, int paymentTermDays,
			double netWorth) {
		VariableMap variables = Variables.createVariables()
			.putValue("creditGrade", creditGrade)
			.putValue("expectedMonthlyPurchases", expectedMonthlyPurchases)
			.putValue("paymentTermDays", paymentTermDays)
			.putValue("netWorth", netWorth);
		return engine.evaluateDecision(decisions.get("suggested-limit"), variables).getSingleEntry();
	}

	private static List<Object> inquiryReasons(String creditGrade, boolean statementsAudited, double requestedLimit) {
		VariableMap variables = Variables.createVariables()
			.putValue("creditGrade", creditGrade)
			.putValue("statementsAudited", statementsAudited)
			.putValue("requestedLimit", requestedLimit);
		DmnDecisionResult result = engine.evaluateDecision(decisions.get("bank-inquiry-needed"), variables);
		return result.collectEntries("inquiryReason");
	}

	/** The scorecard inputs; {@link #strong()} puts every ratio in its top band with the maximum qualitative points. */
	private record Financials(double quickRatio, double debtToAssetRatio, double assetTurnover, double netProfitMargin,
			int qualitativePoints) {

		static Financials strong() {
			return new Financials(1.5, 0.30, 5.0, 0.20, 60);
		}

		Financials withQuickRatio(double value) {
			return new Financials(value, debtToAssetRatio, assetTurnover, netProfitMargin, qualitativePoints);
		}

		Financials withDebtToAssetRatio(double value) {
			return new Financials(quickRatio, value, assetTurnover, netProfitMargin, qualitativePoints);
		}

		Financials withAssetTurnover(double value) {
			return new Financials(quickRatio, debtToAssetRatio, value, netProfitMargin, qualitativePoints);
		}

		Financials withNetProfitMargin(double value) {
			return new Financials(quickRatio, debtToAssetRatio, assetTurnover, value, qualitativePoints);
		}

		Financials withQualitativePoints(int value) {
			return new Financials(quickRatio, debtToAssetRatio, assetTurnover, netProfitMargin, value);
		}

		VariableMap variables() {
			return Variables.createVariables()
				.putValue("quickRatio", quickRatio)
				.putValue("debtToAssetRatio", debtToAssetRatio)
				.putValue("assetTurnover", assetTurnover)
				.putValue("netProfitMargin", netProfitMargin)
				.putValue("qualitativePoints", qualitativePoints);
		}

	}

}
