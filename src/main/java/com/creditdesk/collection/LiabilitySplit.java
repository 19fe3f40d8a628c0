package com.creditdesk.collection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.creditdesk.collection.BadDebtLiability.Basis;
import com.creditdesk.collection.BadDebtLiability.Role;
import com.creditdesk.receivable.BadDebts.WrittenOffItem;

/**
 * How a written-off bad debt is charged (呆账责任): the part sold beyond an approved limit is the responsible rep's
 * in full (未经批准发生呆帐由承办人赔偿全额); the part within the limit is shared by the rep and the approver who
 * granted the limit at the policy percentages, the company bearing the rest. Amounts are rounded to the cent per
 * invoice and share. Where no approving decision is on record for a covered amount (limits from before CreditDesk),
 * the approver's share stays with the company and the split says so.
 */
record LiabilitySplit(BigDecimal total, BigDecimal covered, BigDecimal uncovered, BigDecimal repPercent,
		BigDecimal approverPercent, BigDecimal company, BigDecimal coveredWithoutApprover, List<Share> shares) {

	/** One person's share of one invoice. */
	record Share(long receivableId, String invoiceNumber, String person, Role role, Basis basis, BigDecimal baseAmount,
			BigDecimal percent, BigDecimal amount, Long creditDecisionId) {
	}

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/**
	 * @param approverOf the approver who granted the limit under a credit decision (by decision id)
	 */
	static LiabilitySplit of(List<WrittenOffItem> items, BigDecimal repPercent, BigDecimal approverPercent,
			Function<Long, String> approverOf) {
		BigDecimal total = zero();
		BigDecimal covered = zero();
		BigDecimal uncovered = zero();
		BigDecimal charged = zero();
		BigDecimal withoutApprover = zero();
		List<Share> shares = new ArrayList<>();
		for (WrittenOffItem item : items) {
			total = total.add(item.writtenOff());
			covered = covered.add(item.covered());
			uncovered = uncovered.add(item.uncovered());
			if (item.uncovered().signum() > 0) {
				shares.add(new Share(item.receivableId(), item.invoiceNumber(), item.responsibleRep(), Role.REP,
						Basis.UNCOVERED_FULL, item.uncovered(), HUNDRED.setScale(2), item.uncovered(), null));
			}
			if (item.covered().signum() > 0) {
				BigDecimal repShare = percentOf(item.covered(), repPercent);
				shares.add(new Share(item.receivableId(), item.invoiceNumber(), item.responsibleRep(), Role.REP,
						Basis.COVERED_REP_SHARE, item.covered(), repPercent.setScale(2), repShare,
						item.creditDecisionId()));
				charged = charged.add(repShare);
				String approver = item.creditDecisionId() == null ? null : approverOf.apply(item.creditDecisionId());
				if (approver != null) {
					BigDecimal approverShare = percentOf(item.covered(), approverPercent);
					shares.add(new Share(item.receivableId(), item.invoiceNumber(), approver, Role.APPROVER,
							Basis.COVERED_APPROVER_SHARE, item.covered(), approverPercent.setScale(2), approverShare,
							item.creditDecisionId()));
					charged = charged.add(approverShare);
				}
				else {
					withoutApprover = withoutApprover.add(item.covered());
				}
			}
		}
		return new LiabilitySplit(total, covered, uncovered, repPercent.setScale(2), approverPercent.setScale(2),
				covered.subtract(charged), withoutApprover, List.copyOf(shares));
	}

	private static BigDecimal percentOf(BigDecimal amount, BigDecimal percent) {
		return amount.multiply(percent).divide(HUNDRED, 2, RoundingMode.HALF_UP);
	}

	private static BigDecimal zero() {
		return BigDecimal.ZERO.setScale(2);
	}

}
