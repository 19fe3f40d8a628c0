package com.creditdesk.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.creditdesk.customer.Customer;
import com.creditdesk.customer.CustomerRepository;
import com.creditdesk.customer.OwnershipType;
import com.creditdesk.support.IntegrationTestBase;
import com.creditdesk.support.TestCreditCodes;

/**
 * Overdue collection over HTTP as the credit department uses it: the ERP feed posts invoices and payments, a
 * credit administrator runs the detection, reps and managers read cases, download the dunning letter, work the
 * tasks through {@code engine-rest}, and see the bad-debt liabilities. Runs on H2 and on PostgreSQL.
 */
abstract class CollectionIntegrationTests extends IntegrationTestBase {

	@Autowired
	CustomerRepository customers;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	private final LocalDate today = LocalDate.now();

	private Customer customerWithLimit(long limit, String rep) {
		Customer customer = new Customer("Collection HTTP Co. 催收 " + System.nanoTime(), TestCreditCodes.next(),
				OwnershipType.PRIVATE, rep);
		customer.grantLimit(BigDecimal.valueOf(limit), "A", today.minusYears(2), today.plusYears(1), today.plusMonths(6), null);
		return customers.save(customer);
	}

	private void invoice(Customer customer, String number, long amount, int daysOverdue) {
		ResponseEntity<Map> posted = post(as("fay"), "/api/receivables/invoices", Map.of("customerId", customer.getId(),
				"invoiceNumber", number, "invoiceDate", today.minusDays(daysOverdue + 30L).toString(), "dueDate",
				today.minusDays(daysOverdue).toString(), "amount", amount));
		assertThat(posted.getStatusCode()).as(String.valueOf(posted.getBody())).isEqualTo(HttpStatus.CREATED);
	}

	private Map caseOf(String user, Customer customer) {
		ResponseEntity<List> cases = as(user).getForEntity("/api/customers/" + customer.getId() + "/collections", List.class);
		assertThat(cases.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(cases.getBody()).hasSize(1);
		return (Map) cases.getBody().get(0);
	}

	private List<Map> tasks(String user, Customer customer) {
		ResponseEntity<Map[]> response = as(user).getForEntity("/engine-rest/task?maxResults=50&processDefinitionKey=overdue-collection"
				+ "&processInstanceBusinessKey=" + customer.getCreditCode(), Map[].class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return List.of(response.getBody());
	}

	private Map task(String user, Customer customer, String definitionKey) {
		return tasks(user, customer).stream()
			.filter(task -> definitionKey.equals(task.get("taskDefinitionKey")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no task " + definitionKey + " visible to " + user));
	}

	private ResponseEntity<Map> complete(String user, Map task, Map<String, Object> variables) {
		String id = (String) task.get("id");
		ResponseEntity<Map> claimed = post(as(user), "/engine-rest/task/" + id + "/claim", Map.of("userId", user));
		if (!claimed.getStatusCode().is2xxSuccessful()) {
			return claimed;
		}
		Map<String, Object> typed = new LinkedHashMap<>();
		variables.forEach((name, value) -> typed.put(name, Map.of("value", value, "type",
				value instanceof Boolean ? "Boolean" : value instanceof Integer ? "Integer" : "String")));
		return post(as(user), "/engine-rest/task/" + id + "/submit-form", Map.of("variables", typed));
	}

	private String creditCheck(Customer customer, String order) {
		ResponseEntity<Map> check = post(as(customer.getResponsibleRep()), "/api/credit-checks",
				Map.of("customerId", customer.getId(), "orderReference", order, "amount", 1_000));
		assertThat(check.getStatusCode()).isEqualTo(HttpStatus.OK);
		return (String) check.getBody().get("outcome");
	}

	private static ResponseEntity<Map> post(TestRestTemplate client, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return client.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
	}

	@Test
	void fortyDaysOverdueGivesOneCaseWithLetterAndHoldAndPayingInFullRestoresCredit() throws Exception {
		Customer customer = customerWithLimit(300_000, "ana");
		invoice(customer, "INV-H40", 88_000, 40);

		ResponseEntity<Map> refused = post(as("ana"), "/api/collections/run-detection", Map.of());
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(refused.getBody()).containsEntry("detail", "Only credit administrators may run the overdue detection by hand.");
		ResponseEntity<Map> run = post(as("fay"), "/api/collections/run-detection", Map.of());
		assertThat(run.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(((Number) run.getBody().get("casesOpened")).intValue()).isPositive();
		assertThat(((Number) post(as("fay"), "/api/collections/run-detection", Map.of()).getBody().get("casesOpened")).intValue())
			.as("a second run opens nothing new for this customer").isZero();

		Map summary = caseOf("ana", customer);
		assertThat(summary).containsEntry("status", "OPEN").containsEntry("stage", "CREDIT_HOLD").containsEntry("daysPastDue", 40);
		assertThat(tasks("ana", customer)).extracting(task -> task.get("taskDefinitionKey"))
			.containsExactlyInAnyOrder("UserTask_RemindCustomer", "UserTask_SendDunningLetter");
		assertThat(task("dora", customer, "UserTask_ContactCustomerManagement")).isNotNull();
		assertThat(creditCheck(customer, "SO-H1")).isEqualTo("CASH_ONLY");
		jdbc.update("UPDATE customer SET key_account_class = 'A' WHERE id = ?", customer.getId());
		assertThat(as("ana").getForObject("/reports/collections?customerId=" + customer.getId(), String.class))
			.as("the case list marks a key account").contains(customer.getName(), "★ 重点客户");

		Map detail = as("ana").getForObject("/api/collections/" + summary.get("id"), Map.class);
		Map letter = (Map) ((List) detail.get("documents")).get(0);
		ResponseEntity<String> download = as("ana").getForEntity((String) letter.get("href"), String.class);
		assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(download.getHeaders().getContentType().toString()).startsWith("text/html");
		assertThat(download.getHeaders().getContentDisposition().getFilename()).startsWith("dunning-letter-");
		assertThat(download.getBody()).contains(customer.getName(), "INV-H40", "CNY 88,000.00");
		assertThat(as("ben").getForEntity((String) letter.get("href"), Map.class).getStatusCode())
			.as("another rep's customer").isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<byte[]> pdf = as("ana").getForEntity((String) letter.get("pdf"), byte[].class);
		assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
		assertThat(pdf.getHeaders().getContentDisposition().getFilename()).endsWith(".pdf");
		try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.getBody())) {
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
				.contains("催款函", customer.getName(), "INV-H40", "CNY 88,000.00", "40");
		}

		ResponseEntity<Map> paid = post(as("fay"), "/api/receivables/payments", Map.of("customerId", customer.getId(),
				"reference", "PAY-H40", "paymentDate", today.toString(), "amount", 88_000));
		assertThat(paid.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(caseOf("ana", customer)).as("the case hears of the payment once it committed")
			.containsEntry("status", "OPEN");
		assertThat(deliverFollowUps()).contains("ReceivablesSettled customer " + customer.getId());
		assertThat(caseOf("ana", customer)).containsEntry("status", "SETTLED");
		assertThat(tasks("ana", customer)).isEmpty();
		assertThat(creditCheck(customer, "SO-H2")).isEqualTo("ON_CREDIT");
	}

	@Test
	void aWriteOffNeedsASecondRegionalManagerAndChargesTheRep() {
		Customer customer = customerWithLimit(50_000, "ben");
		invoice(customer, "INV-W60", 80_000, 65); // 50,000 within the limit, 30,000 beyond
		post(as("fay"), "/api/collections/run-detection", Map.of());

		ResponseEntity<Map> decided = complete("erik", task("erik", customer, "UserTask_DecideCollectionAction"),
				Map.of("collectionAction", "PROPOSE_WRITE_OFF", "decisionNotes", "Customer insolvent."));
		assertThat(decided.getStatusCode().is2xxSuccessful()).as(String.valueOf(decided.getBody())).isTrue();
		Map approval = task("gina", customer, "UserTask_ApproveWriteOff");

		ResponseEntity<Map> ownProposal = complete("erik", approval, Map.of("writeOffDecision", "APPROVE"));
		assertThat(ownProposal.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat((String) ownProposal.getBody().get("message")).contains("erik proposed this write-off");

		ResponseEntity<Map> approved = complete("gina", approval, Map.of("writeOffDecision", "APPROVE",
				"writeOffComment", "Agreed: insolvency confirmed."));
		assertThat(approved.getStatusCode().is2xxSuccessful()).as(String.valueOf(approved.getBody())).isTrue();
		assertThat(caseOf("ben", customer)).containsEntry("status", "WRITTEN_OFF");

		ResponseEntity<List> own = as("ben").getForEntity("/api/liabilities", List.class);
		Map ben = (Map) own.getBody().stream().filter(p -> "ben".equals(((Map) p).get("person"))).findFirst().orElseThrow();
		assertThat(((List<Map>) ben.get("items"))).filteredOn(item -> "INV-W60".equals(item.get("invoiceNumber")))
			.extracting(item -> item.get("basis") + " " + item.get("amount"))
			.containsExactlyInAnyOrder("UNCOVERED_FULL 30000.0", "COVERED_REP_SHARE 5000.0");
		assertThat(own.getBody()).allSatisfy(p -> assertThat(((Map) p).get("person")).isEqualTo("ben"));
		assertThat(as("ana").getForEntity("/api/liabilities?person=ben", Map.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(as("erik").getForEntity("/api/liabilities?person=ben", List.class).getBody()).hasSize(1);

		String casePage = as("ben").getForObject("/reports/collections/" + caseOf("ben", customer).get("id"), String.class);
		assertThat(casePage).contains("坏账核销 Write-off", "INV-W60", "超额度部分，全额 Beyond the limit, in full",
				"CNY 30,000.00", "Gina Zhao");
		String liabilitiesPage = as("ben").getForObject("/reports/liabilities", String.class);
		assertThat(liabilitiesPage).contains("<td>Ben Zhou</td>").doesNotContain("<td>Ana Lin</td>", "<td>Clara Sun</td>");
	}

	@Test
	void badInputIsRefusedWithAClearMessageAndChangesNothing() {
		Customer customer = customerWithLimit(100_000, "ana");
		invoice(customer, "INV-BAD", 10_000, 3);
		post(as("fay"), "/api/collections/run-detection", Map.of());
		Object caseId = caseOf("ana", customer).get("id");

		ResponseEntity<Map> unknownInvoice = post(as("ana"), "/api/collections/" + caseId + "/disputes",
				Map.of("invoiceNumber", "NOPE-1", "reason", "Never ordered this."));
		assertThat(unknownInvoice.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) unknownInvoice.getBody().get("detail")).contains("NOPE-1 is not an open invoice");

		ResponseEntity<Map> noReason = post(as("ana"), "/api/collections/" + caseId + "/vanished", Map.of("reason", ""));
		assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

		ResponseEntity<Map> promiseWithoutDate = complete("ana", task("ana", customer, "UserTask_RemindCustomer"),
				Map.of("contactOutcome", "Phone call: reached the customer", "promiseToPay", true, "promisedAmount", 5_000));
		assertThat(promiseWithoutDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) promiseWithoutDate.getBody().get("message")).contains("promised payment date");

		Map detail = as("ana").getForObject("/api/collections/" + caseId, Map.class);
		assertThat((List) detail.get("disputes")).isEmpty();
		assertThat((List) detail.get("promises")).isEmpty();
		assertThat(customers.findById(customer.getId()).orElseThrow().getStatus().name()).isEqualTo("ACTIVE");
	}

}
