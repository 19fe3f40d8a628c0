package com.creditdesk.approval;

import java.math.BigDecimal;

/** One level of the authority matrix: who approves, and up to which amount they may grant. */
record ApprovalLevel(int level, String approverGroup, BigDecimal authorityLimit) {

	/** The matched rules of the authority matrix, e.g. "level 1 customerManagers up to CNY 100,000.00; ...". */
	static String describe(java.util.List<ApprovalLevel> chain) {
		return chain.stream()
			.map(l -> "level " + l.level() + " " + l.approverGroup() + " up to "
					+ com.creditdesk.system.Money.format(l.authorityLimit()))
			.collect(java.util.stream.Collectors.joining("; "));
	}

	String displayName() {
		return displayName(approverGroup);
	}

	static String displayName(String approverGroup) {
		return switch (approverGroup) {
			case "customerManagers" -> "Customer manager 客户经理";
			case "directSalesManagers" -> "Direct-sales department manager 直销部经理";
			case "regionalManagers" -> "Regional company manager 地区公司经理";
			default -> approverGroup;
		};
	}

}
