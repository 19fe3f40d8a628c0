package com.creditdesk.investigation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import com.creditdesk.scoring.FinancialRatios;
import com.creditdesk.scoring.RatioBenchmark;
import com.creditdesk.system.Money;

/**
 * A credit file as the application and approval forms show it: ratios against benchmarks, score, grade,
 * suggested limit, the bank's answer and the rep's reason.
 */
public record CreditFileSummary(long creditFileId, long customerId, Integer creditScore, String creditGrade,
		BigDecimal suggestedLimit, BigDecimal proposedLimit, Integer proposedTermMonths, String proposalReason,
		Map<String, String> ratioAssessments, String bankInquirySummary, String caseProcessInstanceId,
		String proposedBy, BigDecimal expectedMonthlyPurchases, int paymentTermDays, Map<String, String> ratioLights,
		String exceptionCodes, String exceptionSummary, String exceptionJustification) {

	public static CreditFileSummary summaryOf(CreditFile file) {
		return of(file);
	}

	static CreditFileSummary of(CreditFile file) {
		return new CreditFileSummary(file.getId(), file.getCustomerId(), file.getCreditScore(), file.getCreditGrade(),
				file.getSuggestedLimit(), file.getProposedLimit(), file.getProposedTermMonths(),
				file.getProposalReason(), assessments(file.getRatios()), bankInquirySummary(file),
				file.getProcessInstanceId(), file.getProposedBy(), file.getExpectedMonthlyPurchases(),
				file.getPaymentTermDays(), lights(file.getRatios()), file.getExceptionCodes(), file.getExceptionSummary(),
				file.getExceptionJustification());
	}

	/** Ratio name → "✔ 1.25 : 1 达标 meets" or "✘ 0.85 : 1 未达标 misses", for the approver's summary band. */
	static Map<String, String> lights(FinancialRatios ratios) {
		Map<String, String> lights = new LinkedHashMap<>();
		lights.put("quickRatioLight", light(RatioBenchmark.QUICK_RATIO, ratios.quickRatio()));
		lights.put("debtToAssetLight", light(RatioBenchmark.DEBT_TO_ASSET, ratios.debtToAssetRatio()));
		lights.put("assetTurnoverLight", light(RatioBenchmark.ASSET_TURNOVER, ratios.assetTurnover()));
		lights.put("netProfitMarginLight", light(RatioBenchmark.NET_PROFIT_MARGIN, ratios.netProfitMargin()));
		return lights;
	}

	private static String light(RatioBenchmark benchmark, BigDecimal value) {
		if (value == null) {
			return "–";
		}
		return benchmark.meets(value) ? "✔ " + benchmark.format(value) + " 达标 meets"
				: "✘ " + benchmark.format(value) + " 未达标 misses";
	}

	/** Form variable name → "1.25 : 1 — meets the benchmark (1 : 1)". */
	static Map<String, String> assessments(FinancialRatios ratios) {
		Map<String, String> texts = new LinkedHashMap<>();
		texts.put(CreditInvestigationProcess.ASSESSMENT_VARIABLES.get(RatioBenchmark.QUICK_RATIO),
				RatioBenchmark.QUICK_RATIO.assess(ratios.quickRatio()));
		texts.put(CreditInvestigationProcess.ASSESSMENT_VARIABLES.get(RatioBenchmark.DEBT_TO_ASSET),
				RatioBenchmark.DEBT_TO_ASSET.assess(ratios.debtToAssetRatio()));
		texts.put(CreditInvestigationProcess.ASSESSMENT_VARIABLES.get(RatioBenchmark.ASSET_TURNOVER),
				RatioBenchmark.ASSET_TURNOVER.assess(ratios.assetTurnover()));
		texts.put(CreditInvestigationProcess.ASSESSMENT_VARIABLES.get(RatioBenchmark.NET_PROFIT_MARGIN),
				RatioBenchmark.NET_PROFIT_MARGIN.assess(ratios.netProfitMargin()));
		return texts;
	}

	static String bankInquirySummary(CreditFile file) {
		if (file.getBankName() == null) {
			return file.getBankInquiryReasons() == null ? null
					: "Bank inquiry needed (" + file.getBankInquiryReasons() + ") but not recorded yet.";
		}
		return file.getBankName() + ": facility " + Money.format(file.getBankFacilityAmount()) + ", repayment record "
				+ file.getBankRepaymentRecord() + ". " + file.getBankComment() + " (recorded by "
				+ file.getBankInquiredBy() + "; asked because: " + file.getBankInquiryReasons() + ")";
	}

}
