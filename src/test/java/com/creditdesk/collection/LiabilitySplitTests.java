package com.creditdesk.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.creditdesk.collection.BadDebtLiability.Basis;
import com.creditdesk.receivable.BadDebts.WrittenOffItem;

/** The bad-debt liability rule (呆账责任) with hand-computed amounts. */
class LiabilitySplitTests {

	private static final Map<Long, String> APPROVERS = Map.of(7L, "dora");

	private static WrittenOffItem item(long id, String written, String covered, Long decisionId) {
		BigDecimal w = new BigDecimal(written);
		BigDecimal c = new BigDecimal(covered);
		return new WrittenOffItem(id, "INV-" + id, w, c, w.subtract(c), decisionId, "ben");
	}

	private static LiabilitySplit split(List<WrittenOffItem> items, String rep, String approver) {
		return LiabilitySplit.of(items, new BigDecimal(rep), new BigDecimal(approver), APPROVERS::get);
	}

	@Test
	void anAmountBeyondTheApprovedLimitIsChargedInFullToTheRep() {
		LiabilitySplit split = split(List.of(item(1, "12345.67", "0.00", null)), "10", "5");
		assertThat(split.shares()).singleElement().satisfies(share -> {
			assertThat(share.person()).isEqualTo("ben");
			assertThat(share.basis()).isEqualTo(Basis.UNCOVERED_FULL);
			assertThat(share.amount()).isEqualByComparingTo("12345.67");
		});
		assertThat(split.company()).isEqualByComparingTo("0");
	}

	@Test
	void anAmountWithinTheLimitIsSharedTenAndFivePercentAndTheCompanyBearsTheRest() {
		LiabilitySplit split = split(List.of(item(2, "200000.00", "200000.00", 7L)), "10", "5");
		assertThat(split.shares()).extracting(share -> share.person() + " " + share.basis() + " " + share.amount().toPlainString())
			.containsExactly("ben COVERED_REP_SHARE 20000.00", "dora COVERED_APPROVER_SHARE 10000.00");
		assertThat(split.company()).isEqualByComparingTo("170000.00");
	}

	@Test
	void aPartlyCoveredInvoiceIsSplitAndSharesRoundToTheCent() {
		LiabilitySplit split = split(List.of(item(3, "1000.05", "333.33", 7L)), "10", "5");
		assertThat(split.uncovered()).isEqualByComparingTo("666.72");
		assertThat(split.shares()).extracting(share -> share.basis() + " " + share.amount().toPlainString())
			.containsExactly("UNCOVERED_FULL 666.72", "COVERED_REP_SHARE 33.33", "COVERED_APPROVER_SHARE 16.67");
		assertThat(split.company()).isEqualByComparingTo("283.33");
	}

	@Test
	void aLimitWithoutAnApprovingDecisionOnRecordChargesOnlyTheRepAndSaysSo() {
		LiabilitySplit split = split(List.of(item(5, "5000.00", "5000.00", null)), "10", "5");
		assertThat(split.shares()).extracting(share -> share.person() + " " + share.amount().toPlainString())
			.containsExactly("ben 500.00");
		assertThat(split.coveredWithoutApprover()).isEqualByComparingTo("5000.00");
		assertThat(WriteOffService.splitText(split)).contains("No approving credit decision is on record for CNY 5,000.00");
	}

	@Test
	void thePercentagesArePolicyAndCanChange() {
		LiabilitySplit split = split(List.of(item(4, "10000.00", "10000.00", 7L)), "20", "0");
		assertThat(split.shares()).extracting(share -> share.person() + " " + share.amount().toPlainString())
			.containsExactly("ben 2000.00", "dora 0.00");
		assertThat(split.company()).isEqualByComparingTo("8000.00");
	}

}
