package com.creditdesk.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Start-form variables of a credit investigation, as Tasklist submits them. The default is a sound customer:
 * financial points 35 (quick ratio 1.2 → 10, debt-to-asset 45 % → 8, turnover 4.0 → 10, margin 10 % → 7),
 * all ratings 3 (36 points): score 71, grade A; suggested limit CNY 275,000 (capped at 10 % of net worth
 * 2,750,000); audited, so no bank inquiry below CNY 500,000 requested.
 */
public final class InvestigationFixture {

	public static final String[] RATING_KEYS = { "ratingPrincipalCredit", "ratingSizeOwnership",
			"ratingSalesCapability", "ratingBusinessKnowHow", "ratingCapitalGrowth", "ratingProfitability",
			"ratingEmployeeComplaints", "ratingSupplierEvaluation", "ratingBankCredit", "ratingPeerReputation",
			"ratingIndustryOutlook", "ratingManagement" };

	private final Map<String, Object> variables = new LinkedHashMap<>();

	private InvestigationFixture() {
		variables.put("customerName", "Fixture Trading Co. 测试贸易有限公司");
		variables.put("creditCode", TestCreditCodes.next());
		variables.put("ownershipType", "PRIVATE");
		variables.put("industry", "Hardware wholesale");
		variables.put("region", "East China");
		variables.put("companySize", "MEDIUM");
		variables.put("statementPeriod", "FY2025");
		variables.put("statementsAudited", true);
		variables.put("quickAssets", 1_200_000);
		variables.put("currentLiabilities", 1_000_000);
		variables.put("totalLiabilities", 2_250_000);
		variables.put("totalAssetsStart", 4_000_000);
		variables.put("totalAssetsEnd", 5_000_000);
		variables.put("salesRevenue", 18_000_000);
		variables.put("netProfit", 1_800_000);
		variables.put("expectedMonthlyPurchases", 250_000);
		variables.put("paymentTermDays", 60);
		variables.put("requestedLimit", 300_000);
		ratings(3);
	}

	public static InvestigationFixture soundCustomer() {
		return new InvestigationFixture();
	}

	/**
	 * The same company {@code factor} times larger: every statement figure multiplied, so the ratios and the score
	 * stay and only the net worth (the 10 % cap of the suggested limit) grows.
	 */
	public InvestigationFixture scaledBy(int factor) {
		for (String key : new String[] { "quickAssets", "currentLiabilities", "totalLiabilities", "totalAssetsStart",
				"totalAssetsEnd", "salesRevenue", "netProfit" }) {
			variables.put(key, ((Number) variables.get(key)).longValue() * factor);
		}
		return this;
	}

	/** Every one of the twelve ratings set to the same value. */
	public InvestigationFixture ratings(int value) {
		for (String key : RATING_KEYS) {
			variables.put(key, value);
		}
		return this;
	}

	public InvestigationFixture with(String key, Object value) {
		variables.put(key, value);
		return this;
	}

	public InvestigationFixture without(String key) {
		variables.remove(key);
		return this;
	}

	public String creditCode() {
		return (String) variables.get("creditCode");
	}

	public Map<String, Object> variables() {
		return new LinkedHashMap<>(variables);
	}

}
