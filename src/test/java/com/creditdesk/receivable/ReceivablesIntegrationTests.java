package com.creditdesk.receivable;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.creditdesk.customer.Customer;
import com.creditdesk.customer.CustomerRepository;
import com.creditdesk.customer.CustomerService;
import com.creditdesk.customer.OwnershipType;
import com.creditdesk.support.IntegrationTestBase;
import com.creditdesk.support.TestCreditCodes;

/**
 * The receivables ledger and the order credit check over HTTP, as the ERP feed and sales use them. Runs on H2 and
 * on PostgreSQL (concurrent checks included).
 */
abstract class ReceivablesIntegrationTests extends IntegrationTestBase {

	@Autowired
	CustomerRepository customers;

	@Autowired
	CustomerService customerService;

	private final LocalDate today = LocalDate.now();

	/** An active customer of ana's with the given limit, valid for a year. */
	private Customer customerWithLimit(long limit) {
		Customer customer = new Customer("Ledger Test Co. " + System.nanoTime(), TestCreditCodes.next(),
				OwnershipType.PRIVATE, "ana");
		customer.grantLimit(BigDecimal.valueOf(limit), "A", today.minusYears(2), today.plusYears(1), today.plusMonths(6),
				null);
		return customers.save(customer);
	}

	private ResponseEntity<Map> post(String user, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
	}

	private void postBatch(List<Map<String, Object>> invoices) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<List> response = as("fay").exchange("/api/receivables/invoices/batch", HttpMethod.POST,
				new HttpEntity<>(invoices, headers), List.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(response.getBody()).hasSize(invoices.size());
	}

	private ResponseEntity<Map> importCsv(String csv) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.valueOf("text/csv"));
		return as("fay").exchange("/api/receivables/invoices/import", HttpMethod.POST, new HttpEntity<>(csv, headers),
				Map.class);
	}

	private Map check(String user, Customer customer, String order, long amount) {
		ResponseEntity<Map> response = post(user, "/api/credit-checks",
				Map.of("customerId", customer.getId(), "orderReference", order, "amount", amount));
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	private Map exposure(Customer customer) {
		return as("fay").getForObject("/api/customers/" + customer.getId() + "/exposure", Map.class);
	}

	private static double number(Map map, String key) {
		return ((Number) map.get(key)).doubleValue();
	}

	private String invoiceCsv(Customer customer, String... rows) {
		StringBuilder csv = new StringBuilder("\uFEFFcustomer_code,invoice_number,order_reference,invoice_date,due_date,amount,currency\n");
		for (String row : rows) {
			csv.append(customer.getCreditCode()).append(',').append(row).append('\n');
		}
		return csv.toString();
	}

	@Test
	void importedInvoicesLeaveFiftyThousandOnCreditAndCollateralCoversTheRest() {
		Customer customer = customerWithLimit(300_000);
		ResponseEntity<Map> imported = importCsv(invoiceCsv(customer,
				"INV-1,SO-1," + today.minusDays(20) + "," + today.plusDays(40) + ",\"120,000.00\",CNY",
				"INV-2,SO-2," + today.minusDays(10) + "," + today.plusDays(50) + ",80000,CNY",
				"INV-3,SO-3," + today.minusDays(5) + "," + today.plusDays(55) + ",50000.00,"));
		assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(imported.getBody()).containsEntry("posted", 3);
		assertThat(number(exposure(customer), "openReceivables")).isEqualTo(250_000.0);

		Map split = check("ana", customer, "SO-9", 80_000);
		assertThat(split).containsEntry("outcome", "SPLIT");
		assertThat(number(split, "onCredit")).isEqualTo(50_000.0);
		assertThat(number(split, "cashOrCollateral")).isEqualTo(30_000.0);
		assertThat((String) split.get("reason")).contains("CNY 30,000.00 must be paid in cash or secured by collateral");

		ResponseEntity<Map> collateral = post("ana", "/api/customers/" + customer.getId() + "/collateral",
				Map.of("kind", "BANK_GUARANTEE", "description", "Bank of Ningbo guarantee BG-2026-7", "value", 30_000,
						"validUntil", today.plusMonths(6).toString()));
		assertThat(collateral.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(collateral.getBody()).containsEntry("status", "PENDING_VERIFICATION");

		Map pending = check("ana", customer, "SO-9", 80_000);
		assertThat(pending).as("collateral counts only once verified").containsEntry("outcome", "SPLIT");
		assertThat((String) pending.get("reason")).contains("CNY 30,000.00 is awaiting a credit administrator's verification");
		String verification = "/api/customers/" + customer.getId() + "/collateral/" + collateral.getBody().get("id")
				+ "/verification";
		assertThat(post("ana", verification, Map.of()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<Map> verified = post("fay", verification, Map.of());
		assertThat(verified.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(verified.getBody()).containsEntry("status", "VERIFIED").containsEntry("verifiedBy", "fay");

		Map full = check("ana", customer, "SO-9", 80_000);
		assertThat(full).containsEntry("outcome", "ON_CREDIT");
		assertThat(number(full, "withinLimit")).isEqualTo(50_000.0);
		assertThat(number(full, "againstCollateral")).isEqualTo(30_000.0);
		assertThat(number(exposure(customer), "reserved")).as("the re-check replaced the first reservation")
			.isEqualTo(80_000.0);
	}

	@Test
	void reimportingTheSameFilePostsNothingTwice() {
		Customer customer = customerWithLimit(300_000);
		String csv = invoiceCsv(customer, "INV-A,," + today + "," + today.plusDays(30) + ",1000,CNY");
		assertThat(importCsv(csv).getBody()).containsEntry("posted", 1);
		ResponseEntity<Map> again = importCsv(csv);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(again.getBody()).containsEntry("posted", 0).containsEntry("alreadyPosted", 1);
		assertThat(number(exposure(customer), "openReceivables")).isEqualTo(1_000.0);
	}

	@Test
	void badLinesAreReportedWithTheirNumbersAndNothingIsPosted() {
		Customer customer = customerWithLimit(300_000);
		importCsv(invoiceCsv(customer, "INV-X,," + today + "," + today.plusDays(30) + ",500,CNY"));
		String csv = invoiceCsv(customer, "INV-OK,," + today + "," + today.plusDays(30) + ",700,CNY",
				"INV-NEG,," + today + "," + today.plusDays(30) + ",-5,CNY",
				"INV-DATE,," + today + "," + today.minusDays(1) + ",100,CNY",
				"INV-X,," + today + "," + today.plusDays(30) + ",999,CNY")
				+ "91330100000000000X,INV-WHO,," + today + "," + today.plusDays(30) + ",100,CNY\n";

		ResponseEntity<Map> response = importCsv(csv);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		List<Map> errors = (List<Map>) response.getBody().get("errors");
		assertThat(errors).extracting(e -> e.get("line")).containsExactly(2, 3, 4, 5);
		assertThat(errors.get(0).get("reason").toString()).contains("greater than zero");
		assertThat(errors.get(1).get("reason").toString()).contains("before the invoice date");
		assertThat(errors.get(2).get("reason").toString()).contains("already posted with amount CNY 500.00");
		assertThat(errors.get(3).get("reason").toString()).contains("Unknown customer");
		assertThat(number(exposure(customer), "openReceivables")).as("INV-OK was not posted either").isEqualTo(500.0);
	}

	@Test
	void aFileSavedByExcelInGbkIsReadAsWrittenAndAnInvoiceTwiceInOneFileIsAnError() {
		Customer customer = customerWithLimit(300_000);
		String gbk = "customer_code,invoice_number,order_reference,invoice_date,due_date,amount\n"
				+ customer.getCreditCode() + ",发票-001,订单-1," + today + "," + today.plusDays(30) + ",1000\n";
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.valueOf("text/csv"));
		ResponseEntity<Map> imported = as("fay").exchange("/api/receivables/invoices/import", HttpMethod.POST,
				new HttpEntity<>(gbk.getBytes(java.nio.charset.Charset.forName("GBK")), headers), Map.class);
		assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		List<Map> receivables = List.of(as("fay").getForObject("/api/customers/" + customer.getId() + "/receivables",
				Map[].class));
		assertThat(receivables).extracting(r -> r.get("invoiceNumber")).containsExactly("发票-001");

		ResponseEntity<Map> twice = importCsv(invoiceCsv(customer,
				"INV-T,," + today + "," + today.plusDays(30) + ",700,CNY",
				"INV-T ,," + today + "," + today.plusDays(60) + ",700,CNY"));
		assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		List<Map> errors = (List<Map>) twice.getBody().get("errors");
		assertThat(errors).extracting(e -> e.get("line")).containsExactly(2);
		assertThat(errors.get(0).get("reason").toString()).contains("INV-T is already on line 1");
		assertThat(number(exposure(customer), "openReceivables")).isEqualTo(1_000.0);
	}

	@Test
	void aFileBeyondTenMegabytesIsRefusedWith413AndAThousandBadLinesAreReportedAsTheFirstHundred() {
		Customer customer = customerWithLimit(300_000);
		String line = "INV-BIG,," + today + "," + today.plusDays(30) + ",-1,CNY";
		String[] rows = new String[1_000];
		for (int i = 0; i < rows.length; i++) {
			rows[i] = line.replace("INV-BIG", "INV-BIG-" + i);
		}
		ResponseEntity<Map> bad = importCsv(invoiceCsv(customer, rows));
		assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((List<?>) bad.getBody().get("errors")).hasSize(100);
		assertThat((String) bad.getBody().get("detail")).startsWith("1000 line(s) are wrong").contains("and 900 more lines");

		String oneLine = customer.getCreditCode() + "," + line + "\n";
		ResponseEntity<Map> huge = importCsv(invoiceCsv(customer) + oneLine.repeat(1 + 10 * 1024 * 1024 / oneLine.length()));
		assertThat(huge.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
		assertThat((String) huge.getBody().get("detail")).contains("larger than 10 MB");
		assertThat(number(exposure(customer), "openReceivables")).isZero();
	}

	@Test
	void paymentsSettleTheOldestDueFirstAndAnOverpaymentStaysAsCredit() {
		Customer customer = customerWithLimit(300_000);
		postBatch(List.of(
				invoice(customer, "INV-LATE", today.plusDays(60), 10_000),
				invoice(customer, "INV-EARLY", today.plusDays(10), 4_000)));

		post("fay", "/api/receivables/payments", Map.of("customerId", customer.getId(), "reference", "PAY-1",
				"paymentDate", today.toString(), "amount", 5_000));
		Map[] open = as("fay").getForObject("/api/customers/" + customer.getId() + "/receivables", Map[].class);
		assertThat(open).extracting(r -> r.get("invoiceNumber"), r -> number(r, "openAmount"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("INV-EARLY", 0.0),
					org.assertj.core.groups.Tuple.tuple("INV-LATE", 9_000.0));

		post("fay", "/api/receivables/payments", Map.of("customerId", customer.getId(), "reference", "PAY-2",
				"paymentDate", today.toString(), "amount", 12_000, "invoiceNumbers", List.of("INV-LATE")));
		assertThat(number(exposure(customer), "openReceivables")).isEqualTo(0.0);
		assertThat(number(exposure(customer), "unappliedCredit")).isEqualTo(3_000.0);

		post("fay", "/api/receivables/invoices", invoice(customer, "INV-NEXT", today.plusDays(30), 2_000));
		assertThat(number(exposure(customer), "openReceivables")).as("the credit settled the next invoice").isEqualTo(0.0);
		assertThat(number(exposure(customer), "unappliedCredit")).isEqualTo(1_000.0);
	}

	@Test
	void creditNotesReduceAnInvoiceAndInvoicesReleaseTheirOrdersReservation() {
		Customer customer = customerWithLimit(100_000);
		Map checked = check("ana", customer, "SO-77", 40_000);
		assertThat(number(exposure(customer), "reserved")).isEqualTo(40_000.0);

		Map<String, Object> line = new java.util.HashMap<>(invoice(customer, "INV-77", today.plusDays(30), 40_000));
		line.put("orderReference", "SO-77");
		post("fay", "/api/receivables/invoices", line);
		assertThat(number(exposure(customer), "reserved")).isEqualTo(0.0);
		assertThat(number(exposure(customer), "openReceivables")).isEqualTo(40_000.0);
		Map[] receivables = as("fay").getForObject("/api/customers/" + customer.getId() + "/receivables", Map[].class);
		assertThat(number(receivables[0], "coveredAmount")).isEqualTo(40_000.0);

		ResponseEntity<Map> note = post("fay", "/api/receivables/credit-notes", Map.of("customerId", customer.getId(),
				"noteNumber", "CN-1", "invoiceNumber", "INV-77", "amount", 5_000, "reason", "Damaged goods"));
		assertThat(note.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(number(exposure(customer), "openReceivables")).isEqualTo(35_000.0);
		ResponseEntity<Map> tooMuch = post("fay", "/api/receivables/credit-notes", Map.of("customerId",
				customer.getId(), "noteNumber", "CN-2", "invoiceNumber", "INV-77", "amount", 50_000));
		assertThat(tooMuch.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(checked.get("outcome")).isEqualTo("ON_CREDIT");
	}

	@Test
	void cashOnlyWithoutLimitOnHoldExpiredOrOverdue() {
		Customer prospect = customers.save(new Customer("Prospect " + System.nanoTime(), TestCreditCodes.next(),
				OwnershipType.PRIVATE, "ana"));
		assertThat(check("ana", prospect, "SO-P", 1_000)).containsEntry("outcome", "CASH_ONLY");

		Customer expired = customerWithLimit(100_000);
		expired.grantLimit(BigDecimal.valueOf(100_000), "A", today.minusYears(1), today.minusDays(1), today, null);
		customers.save(expired);
		assertThat((String) check("ana", expired, "SO-E", 1_000).get("reason")).contains("expired");

		Customer late = customerWithLimit(100_000);
		post("fay", "/api/receivables/invoices", invoice(late, "INV-OLD", today.minusDays(31), 1_000, today.minusDays(61)));
		Map overdue = check("ana", late, "SO-L", 1_000);
		assertThat(overdue).containsEntry("outcome", "CASH_ONLY");
		assertThat((String) overdue.get("reason")).contains("more than 30 days overdue");
	}

	@Test
	void aRepChecksOnlyTheirOwnCustomersAndCannotPostToTheLedger() {
		Customer customer = customerWithLimit(100_000);
		ResponseEntity<Map> foreign = post("ben", "/api/credit-checks",
				Map.of("customerId", customer.getId(), "orderReference", "SO-B", "amount", 1_000));
		assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(post("ana", "/api/receivables/invoices", invoice(customer, "INV-R", today.plusDays(5), 10))
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(post("clara", "/api/credit-checks",
				Map.of("customerId", customer.getId(), "orderReference", "SO-M", "amount", 1_000)).getStatusCode())
			.as("managers check for every customer").isEqualTo(HttpStatus.OK);
	}

	@Test
	void concurrentChecksCannotOverspendTheHeadroom() throws Exception {
		Customer customer = customerWithLimit(100_000);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Callable<Map>> orders = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			String order = "SO-C" + i;
			orders.add(() -> check("ana", customer, order, 30_000));
		}
		double onCredit = 0;
		for (Future<Map> result : pool.invokeAll(orders)) {
			onCredit += number(result.get(), "onCredit");
		}
		pool.shutdown();
		assertThat(onCredit).isEqualTo(100_000.0);
		assertThat(number(exposure(customer), "reserved")).isEqualTo(100_000.0);
	}

	@Test
	void theSamePaymentSentEightTimesAtOnceIsPostedOnceAndTwentyParallelPaymentsAllPass() throws Exception {
		Customer customer = customerWithLimit(500_000);
		postBatch(List.of(Map.of("customerId", customer.getId(), "invoiceNumber", "INV-P8", "invoiceDate",
				today.minusDays(10).toString(), "dueDate", today.plusDays(20).toString(), "amount", 400_000)));
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Callable<ResponseEntity<Map>>> same = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			same.add(() -> post("fay", "/api/receivables/payments", Map.of("customerId", customer.getId(), "reference",
					"PAY-8X", "paymentDate", today.toString(), "amount", 1_000)));
		}
		List<String> postings = new ArrayList<>();
		for (Future<ResponseEntity<Map>> answer : pool.invokeAll(same)) {
			assertThat(answer.get().getStatusCode()).as(String.valueOf(answer.get().getBody())).isEqualTo(HttpStatus.CREATED);
			postings.add((String) answer.get().getBody().get("posting"));
		}
		assertThat(postings).containsOnlyOnce("POSTED").filteredOn("ALREADY_POSTED"::equals).hasSize(7);

		List<Callable<ResponseEntity<Map>>> distinct = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			String reference = "PAY-20-" + i;
			distinct.add(() -> post("fay", "/api/receivables/payments", Map.of("customerId", customer.getId(), "reference",
					reference, "paymentDate", today.toString(), "amount", 100)));
		}
		for (Future<ResponseEntity<Map>> answer : pool.invokeAll(distinct)) {
			assertThat(answer.get().getStatusCode()).as(String.valueOf(answer.get().getBody())).isEqualTo(HttpStatus.CREATED);
		}
		pool.shutdown();
		assertThat(number(exposure(customer), "openReceivables")).isEqualTo(400_000.0 - 1_000 - 20 * 100);
		assertThat(deliverFollowUps()).filteredOn(("ReceivablesSettled customer " + customer.getId())::equals)
			.as("no open collection case: the payments have no one to tell").isEmpty();
	}

	@Test
	void utilisationAboveNinetyPercentStartsOneReevaluation() {
		Customer customer = customerWithLimit(100_000);
		check("ana", customer, "SO-U1", 95_000);
		check("ana", customer, "SO-U2", 1_000);
		assertThat(deliverFollowUps()).as("one follow-up, recorded with the check that crossed 90 %")
			.containsOnlyOnce("HighCreditUtilisation customer " + customer.getId());
		Map[] triggers = as("ana").getForObject("/api/customers/" + customer.getId() + "/review-triggers", Map[].class);
		assertThat(triggers).hasSize(1);
		assertThat(triggers[0]).containsEntry("kind", "HIGH_UTILISATION").containsEntry("outcome", "STARTED");
		assertThat((String) triggers[0].get("reason")).contains("95.0 % used");
	}

	@Test
	void aBackDatedInvoiceIsCoveredByTheLimitInForceOnItsDateNotByTheOneGrantedSince() {
		Customer customer = new Customer("Limit History Co. " + System.nanoTime(), TestCreditCodes.next(),
				OwnershipType.PRIVATE, "ana");
		customer.grantLimit(BigDecimal.valueOf(100_000), "B", today.minusDays(400), today.plusYears(1),
				today.plusMonths(6), 9_001L);
		customer = customers.save(customer);
		// a re-evaluation raises the limit today: the 100,000 limit of decision 9001 ends yesterday
		customerService.grantLimit(customer.getId(), BigDecimal.valueOf(300_000), "A", today.plusYears(1),
				today.plusMonths(6), 9_002L);

		post("fay", "/api/receivables/invoices", invoice(customer, "INV-LAST-MONTH", today.plusDays(30), 150_000,
				today.minusDays(30)));
		post("fay", "/api/receivables/invoices", invoice(customer, "INV-TODAY", today.plusDays(30), 50_000, today));
		post("fay", "/api/receivables/invoices", invoice(customer, "INV-BEFORE-ANY-LIMIT", today.plusDays(30), 10_000,
				today.minusDays(500)));

		Map<String, Map> byNumber = new java.util.HashMap<>();
		for (Map receivable : as("fay").getForObject("/api/customers/" + customer.getId() + "/receivables",
				Map[].class)) {
			byNumber.put((String) receivable.get("invoiceNumber"), receivable);
		}
		assertThat(number(byNumber.get("INV-LAST-MONTH"), "coveredAmount"))
			.as("dated under the old limit: covered up to 100,000 and answered for by its decision")
			.isEqualTo(100_000.0);
		assertThat(((Number) byNumber.get("INV-LAST-MONTH").get("creditDecisionId")).longValue()).isEqualTo(9_001L);
		assertThat(number(byNumber.get("INV-TODAY"), "coveredAmount")).as("300,000 less the 150,000 open")
			.isEqualTo(50_000.0);
		assertThat(((Number) byNumber.get("INV-TODAY").get("creditDecisionId")).longValue()).isEqualTo(9_002L);
		assertThat(number(byNumber.get("INV-BEFORE-ANY-LIMIT"), "coveredAmount")).isZero();
		assertThat(byNumber.get("INV-BEFORE-ANY-LIMIT").get("creditDecisionId")).isNull();
		Map[] history = as("ana").getForObject("/api/customers/" + customer.getId() + "/limit-history", Map[].class);
		assertThat(history).extracting(period -> ((Number) period.get("decisionId")).longValue())
			.containsExactly(9_002L, 9_001L);
		assertThat(history[1]).containsEntry("validFrom", today.minusDays(400).toString())
			.containsEntry("endedOn", today.toString());
	}

	@Test
	void theMorningsEightyTwentyClassificationMakesTheLargestCustomerAKeyAccountAndReportsFilterByClass() {
		Customer largest = customerWithLimit(300_000);
		Customer small = customerWithLimit(300_000);
		Customer idle = customerWithLimit(300_000);
		// far more than every other test's sales together: this customer alone makes the first 80 %
		post("fay", "/api/receivables/invoices", invoice(largest, "KA-1", today.plusDays(20), 500_000_000_000L,
				today.minusDays(10)));
		post("fay", "/api/receivables/invoices", invoice(small, "KA-2", today.plusDays(20), 1_000, today.minusDays(10)));
		post("fay", "/api/receivables/invoices", invoice(idle, "KA-OLD", today.plusDays(20), 90_000,
				today.minusMonths(13)));

		assertThat(post("ana", "/api/key-accounts/classify", Map.of()).getStatusCode())
			.as("the run is the credit administrators'").isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<Map> run = post("fay", "/api/key-accounts/classify", Map.of());
		assertThat(run.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat((String) run.getBody().get("decision")).startsWith("key-account-class v");

		Map top = as("ana").getForObject("/api/customers/" + largest.getId(), Map.class);
		assertThat(top).containsEntry("keyAccountClass", "A").containsEntry("keyAccount", true)
			.containsEntry("keyAccountRank", 1);
		assertThat(number(top, "keyAccountSales")).isEqualTo(500_000_000_000.0);
		assertThat(as("ana").getForObject("/api/customers/" + small.getId(), Map.class))
			.as("ranked after 99 % of the sales").containsEntry("keyAccountClass", "C");
		assertThat(as("ana").getForObject("/api/customers/" + idle.getId(), Map.class))
			.as("its only invoice is 13 months old").containsEntry("keyAccountClass", "C")
			.containsEntry("keyAccountSales", 0.0);

		Map[] keyAccounts = as("ana").getForObject("/api/key-accounts?class=A", Map[].class);
		assertThat(keyAccounts).extracting(k -> ((Number) k.get("customerId")).longValue()).contains(largest.getId())
			.doesNotContain(small.getId(), idle.getId());
		assertThat(as("ana").getForEntity("/api/key-accounts?class=X", Map.class).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		Map aging = as("ana").getForObject("/api/reports/aging?groupBy=keyAccount&keyAccountClass=A", Map.class);
		assertThat((List<Map>) aging.get("rows")).extracting(row -> row.get("key")).containsExactly("A");
	}

	private static Map<String, Object> invoice(Customer customer, String number, LocalDate due, long amount) {
		return invoice(customer, number, due, amount, due.minusDays(30));
	}

	private static Map<String, Object> invoice(Customer customer, String number, LocalDate due, long amount,
			LocalDate invoiceDate) {
		return Map.of("customerId", customer.getId(), "invoiceNumber", number, "invoiceDate", invoiceDate.toString(),
				"dueDate", due.toString(), "amount", amount);
	}

}
