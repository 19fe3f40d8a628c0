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

}
