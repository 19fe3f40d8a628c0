package com.creditdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A cell of the aging CSV opens in Excel or WPS as the text it is, never as a formula. */
class AgingCsvCellTests {

	@Test
	void aNameThatASpreadsheetWouldRunAsAFormulaIsShownAsText() {
		assertThat(AgingController.cell("=HYPERLINK(\"http://x\",\"pay\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"pay\"\")\"");
		assertThat(AgingController.cell("+86 21 5555")).isEqualTo("'+86 21 5555");
		assertThat(AgingController.cell("-1")).isEqualTo("'-1");
		assertThat(AgingController.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
	}

	@Test
	void separatorsQuotesAndLineBreaksAreQuotedAndPlainTextStaysAsItIs() {
		assertThat(AgingController.cell("上海五金, 有限公司")).isEqualTo("\"上海五金, 有限公司\"");
		assertThat(AgingController.cell("two\nlines")).isEqualTo("\"two\nlines\"");
		assertThat(AgingController.cell("杭州建材贸易有限公司")).isEqualTo("杭州建材贸易有限公司");
		assertThat(AgingController.cell(null)).isEmpty();
	}

}
