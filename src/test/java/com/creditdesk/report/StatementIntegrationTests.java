package com.creditdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.creditdesk.customer.Customer;
import com.creditdesk.customer.CustomerRepository;
import com.creditdesk.customer.OwnershipType;
import com.creditdesk.identity.CurrentUser;
import com.creditdesk.receivable.LedgerLines.CreditNoteLine;
import com.creditdesk.receivable.LedgerLines.InvoiceLine;
import com.creditdesk.receivable.LedgerLines.PaymentLine;
import com.creditdesk.receivable.LedgerService;
import com.creditdesk.support.IntegrationTestBase;
import com.creditdesk.support.TestCreditCodes;

/**
 * The customer statement (JSON and PDF, read back) and the KPIs against a small ledger computed by hand. The
 * customer belongs to a rep of its own, so the KPIs seen by that rep are exactly this ledger's. Runs on H2 and on
 * PostgreSQL.
 */
abstract class StatementIntegrationTests extends IntegrationTestBase {

	private static final LocalDate FROM = LocalDate.of(2026, 10, 1);

	private static final LocalDate TO = LocalDate.of(2026, 10, 31);

	@Autowired
	CustomerRepository customers;

	@Autowired
	LedgerService ledger;

	@Autowired
	StatementService statements;

	@Autowired
	KpiService kpis;

	private Customer customer;

	private String rep;

	/**
	 * Before the period: invoice S1 10,000.00 (due 10 Oct), payment 4,000.00. In October: invoice S2 7,500.50 (due
	 * 15 Oct), payment 6,000.00 for S1, credit note 500.50 on S2. After: invoice S3 1,000.00.
	 */
	@BeforeEach
	void ledger() {
		rep = "kpirep" + (System.nanoTime() % 1_000_000_000);
		customer = new Customer("对账测试有限公司 Statement Test " + System.nanoTime(), TestCreditCodes.next(),
				OwnershipType.PRIVATE, rep);
		customer.grantLimit(BigDecimal.valueOf(50_000), "A", LocalDate.of(2024, 1, 1), LocalDate.of(2027, 12, 31),
				LocalDate.of(2027, 6, 30), null);
		customer = customers.save(customer);
		long id = customer.getId();
		invoice(id, "INV-S1", "2026-09-10", "2026-10-10", "10000.00");
		ledger.postPayment(new PaymentLine(id, null, "P-S1", LocalDate.of(2026, 9, 20), new BigDecimal("4000.00"), List.of()));
		invoice(id, "INV-S2", "2026-10-05", "2026-10-15", "7500.50");
		ledger.postPayment(new PaymentLine(id, null, "P-S2", LocalDate.of(2026, 10, 12), new BigDecimal("6000.00"),
				List.of("INV-S1")));
		ledger.postCreditNote(new CreditNoteLine(id, null, "CN-S1", "INV-S2", LocalDate.of(2026, 10, 20),
				new BigDecimal("500.50"), "Two boxes short"));
		invoice(id, "INV-S3", "2026-11-02", "2026-12-02", "1000.00");
	}

	private void invoice(long customerId, String number, String invoiceDate, String dueDate, String amount) {
		ledger.postInvoice(new InvoiceLine(customerId, null, number, null, LocalDate.parse(invoiceDate),
				LocalDate.parse(dueDate), new BigDecimal(amount), "CNY"));
	}

	@Test
	void statementCarriesTheBalanceForwardAndClosesOnTheOpenItems() {
		Statement s = statements.statement(customer.getId(), FROM, TO, new CurrentUser("erik", List.of("regionalManagers")));
		assertThat(s.openingBalance()).isEqualByComparingTo("6000.00");
		assertThat(s.lines()).extracting(l -> l.date() + " " + l.kind() + " " + l.reference() + " " + l.balance().toPlainString())
			.containsExactly("2026-10-05 INVOICE INV-S2 13500.50", "2026-10-12 PAYMENT P-S2 7500.50",
					"2026-10-20 CREDIT_NOTE CN-S1 7000.00");
		assertThat(s.invoiced()).isEqualByComparingTo("7500.50");
		assertThat(s.paid()).isEqualByComparingTo("6000.00");
		assertThat(s.credited()).isEqualByComparingTo("500.50");
		assertThat(s.closingBalance()).isEqualByComparingTo("7000.00");
		assertThat(s.openItems()).singleElement().satisfies(item -> {
			assertThat(item.invoiceNumber()).isEqualTo("INV-S2");
			assertThat(item.openAmount()).isEqualByComparingTo("7000.00");
			assertThat(item.daysOverdue()).isEqualTo(16);
		});
		assertThat(s.closingBalance()).as("closing balance = open items − unapplied payments, to the cent")
			.isEqualByComparingTo(s.openItemsTotal().subtract(s.unappliedCredit()));
	}

	@Test
	void statementPdfOpensAndShowsTheCustomerAndTheTotals() throws Exception {
		ResponseEntity<byte[]> response = as("erik").getForEntity("/api/customers/" + customer.getId()
				+ "/statement.pdf?from=" + FROM + "&to=" + TO, byte[].class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
		assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("statement-"
				+ customer.getCreditCode() + "-2026-10-01-2026-10-31.pdf");
		try (PDDocument pdf = Loader.loadPDF(response.getBody())) {
			String text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains(customer.getName(), "对账单", "6,000.00", "7,500.50", "7,000.00", "INV-S2", "CN-S1", "16");
		}
		assertThat(as("ana").getForEntity("/api/customers/" + customer.getId() + "/statement.pdf", Map.class)
			.getStatusCode()).as("another rep's customer").isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<Map> backwards = as("erik").getForEntity("/api/customers/" + customer.getId()
				+ "/statement?from=2026-11-01&to=2026-10-01", Map.class);
		assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) backwards.getBody().get("detail")).contains("start on or before its end");
	}

	@Test
	void kpisMatchTheHandComputedFigures() {
		Kpis k = kpis.kpis(FROM, TO, new CurrentUser(rep, List.of("salesReps")));
		assertThat(k.days()).isEqualTo(31);
		assertThat(k.beginningReceivables()).isEqualByComparingTo("6000.00");
		assertThat(k.creditSales()).isEqualByComparingTo("7500.50");
		assertThat(k.endingReceivables()).isEqualByComparingTo("7000.00");
		assertThat(k.endingCurrent()).isEqualByComparingTo("0.00");
		assertThat(k.dso()).isEqualByComparingTo("28.9");
		assertThat(k.cei()).isEqualByComparingTo("48.2");
		assertThat(k.overdueShare()).isEqualByComparingTo("100.0");
		assertThat(k.totalLimits()).isEqualByComparingTo("50000.00");
		assertThat(k.totalExposure()).as("S2 and S3 open today").isEqualByComparingTo("8000.00");
		assertThat(k.utilisation()).isEqualByComparingTo("16.0");
		assertThat(k.customers()).singleElement().satisfies(c -> assertThat(c.customerId()).isEqualTo(customer.getId()));
		assertThat(k.gradeMix()).singleElement().satisfies(g -> assertThat(g.grade()).isEqualTo("A"));
	}

}
