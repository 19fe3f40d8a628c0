package com.creditdesk.investigation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.creditdesk.system.Money;

/**
 * How a credit-grant proposal departs from the policy, as the DMN decision {@code policy-exceptions} found it: each
 * exception with its code, its name and its gap (an amount, or months for the validity). Empty: within policy.
 */
public record PolicyExceptions(List<PolicyException> exceptions) {

	public static final String DECISION = "policy-exceptions";

	public static final PolicyExceptions NONE = new PolicyExceptions(List.of());

	/** One exception: e.g. ABOVE_SUGGESTED_LIMIT, "超出建议额度 Above the suggested limit", 2,220,000. */
	public record PolicyException(String code, String label, BigDecimal gap) {

		/** "超出建议额度 Above the suggested limit +CNY 2,220,000.00" or "… +6 个月 months". */
		public String text() {
			String amount = code.startsWith("TERM") ? "+" + gap.stripTrailingZeros().toPlainString() + " 个月 months"
					: "+" + Money.format(gap);
			return label + " " + amount;
		}

	}

	public PolicyExceptions {
		exceptions = List.copyOf(exceptions);
	}

	/** The decision's result list (rows with exception, label and gap). */
	public static PolicyExceptions of(List<Map<String, Object>> rows) {
		return new PolicyExceptions(rows.stream()
			.map(row -> new PolicyException((String) row.get("exception"), (String) row.get("label"),
					Money.of(((Number) row.get("gap")).doubleValue())))
			.toList());
	}

	public boolean isEmpty() {
		return exceptions.isEmpty();
	}

	public String codes() {
		return exceptions.stream().map(PolicyException::code).collect(Collectors.joining(","));
	}

	/** One line per exception. */
	public String summary() {
		return exceptions.stream().map(PolicyException::text).collect(Collectors.joining("\n"));
	}

}
