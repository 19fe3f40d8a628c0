package com.creditdesk.scoring;

/**
 * The twelve qualitative items of the credit investigation form (客户信用状况调查表), each rated 1 to 5.
 * The form keys are {@code rating<Suffix>} and {@code note<Suffix>}.
 */
public enum QualitativeItem {

	PRINCIPAL_CREDIT("PrincipalCredit", "Principal's personal credit 负责人评信"),
	SIZE_OWNERSHIP("SizeOwnership", "Company size and ownership 企业规模及企业性质"),
	SALES_CAPABILITY("SalesCapability", "Sales capability 销售能力"),
	BUSINESS_KNOW_HOW("BusinessKnowHow", "Business know-how 经营技术"),
	CAPITAL_GROWTH("CapitalGrowth", "Capital growth over three years 近三年资本增长"),
	PROFITABILITY("Profitability", "Profitability over three years 近三年赢利情况"),
	EMPLOYEE_COMPLAINTS("EmployeeComplaints", "Employee complaints 员工抱怨"),
	SUPPLIER_EVALUATION("SupplierEvaluation", "Supplier evaluations 供料客户评价"),
	BANK_CREDIT("BankCredit", "Bank credit record 银行往来信用"),
	PEER_REPUTATION("PeerReputation", "Peer and industry reputation 同业信用评价"),
	INDUSTRY_OUTLOOK("IndustryOutlook", "Industry outlook 行业景气"),
	MANAGEMENT("Management", "Management condition 经营管理状况");

	private final String suffix;

	private final String label;

	QualitativeItem(String suffix, String label) {
		this.suffix = suffix;
		this.label = label;
	}

	public String ratingKey() {
		return "rating" + suffix;
	}

	public String noteKey() {
		return "note" + suffix;
	}

	public String label() {
		return label;
	}

}
