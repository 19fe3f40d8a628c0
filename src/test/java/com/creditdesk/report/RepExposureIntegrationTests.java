package com.creditdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.creditdesk.customer.Customer;
import com.creditdesk.customer.CustomerRepository;
import com.creditdesk.customer.OwnershipType;
import com.creditdesk.identity.Roles;
import com.creditdesk.support.IntegrationTestBase;
import com.creditdesk.support.TestCreditCodes;
import com.creditdesk.system.BusinessClock;

/**
 * Exposure and liability per rep (承办人责任) over HTTP: each test gives new reps their own customers, so the reps'
 * lines are exactly what the test posted, while the totals of a manager (who sees everyone's customers) are checked
 * against the receivables aging for the same person. Runs on H2 and PostgreSQL.
 */
abstract class RepExposureIntegrationTests extends IntegrationTestBase {

	private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000_000L);

	private static final String[] SUMS = { "limits", "exposure", "overdue", "writtenOff", "liability",
			"approverLiability" };

	@Autowired
	CustomerRepository customers;

	@Autowired
	JdbcTemplate jdbc;

	private final LocalDate today = BusinessClock.today();

	/** A new sales rep (password {@code demo}) whose name ends in a number of her own; answers her user id. */
	private String newRep(String firstName, String lastName) {
		long n = NEXT.incrementAndGet();
		IdentityService identity = engine.getIdentityService();
		User user = identity.newUser(firstName.toLowerCase() + n);
		user.setFirstName(firstName);
		user.setLastName(lastName + n);
		user.setPassword("demo");
		identity.saveUser(user);
		identity.createMembership(user.getId(), Roles.SALES_REPS);
		return user.getId();
	}

	private static String nameOf(String repId, String firstName, String lastName) {
		return firstName + " " + lastName + repId.substring(firstName.length());
	}

	/** A customer of the rep in the region; with a limit valid until the day, or a prospect without one. */
	private Customer customer(String rep, String region, long limit, LocalDate limitValidUntil) {
		String name = "Exposure Co. " + System.nanoTime();
		Customer customer = new Customer(name, TestCreditCodes.next(), OwnershipType.PRIVATE, rep);
		if (region != null) {
			customer.updateFacts(name, OwnershipType.PRIVATE, null, region, null, null, null, null);
		}
		if (limit > 0) {
			customer.grantLimit(BigDecimal.valueOf(limit), "A", today.minusYears(2), limitValidUntil,
					today.plusMonths(6), null);
		}
		return customers.save(customer);
	}

	private void invoice(Customer customer, String number, LocalDate invoiceDate, LocalDate dueDate, long amount) {
		ResponseEntity<Map> posted = post(as("fay"), "/api/receivables/invoices", Map.of("customerId", customer.getId(),
				"invoiceNumber", number, "invoiceDate", invoiceDate.toString(), "dueDate", dueDate.toString(), "amount",
				amount));
		assertThat(posted.getStatusCode()).as(String.valueOf(posted.getBody())).isEqualTo(HttpStatus.CREATED);
	}

	/** An invoice issued 30 days ago, due {@code dueInDays} from today (negative: overdue). */
	private void invoiceDue(Customer customer, String number, int dueInDays, long amount) {
		invoice(customer, number, today.minusDays(30), today.plusDays(dueInDays), amount);
	}

	private void payment(Customer customer, String reference, long amount) {
		ResponseEntity<Map> paid = post(as("fay"), "/api/receivables/payments", Map.of("customerId", customer.getId(),
				"reference", reference, "paymentDate", today.toString(), "amount", amount));
		assertThat(paid.getStatusCode()).as(String.valueOf(paid.getBody())).isEqualTo(HttpStatus.CREATED);
	}

	private static ResponseEntity<Map> post(TestRestTemplate client, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return client.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
	}

	private Map report(String user) {
		ResponseEntity<Map> response = as(user).getForEntity("/api/reports/rep-exposure", Map.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).containsEntry("asOf", today.toString());
		return response.getBody();
	}

	private static List<Map> rows(Map report) {
		return (List<Map>) report.get("rows");
	}

	private static Map rowOf(Map report, String repId) {
		return rows(report).stream().filter(row -> repId.equals(row.get("repId"))).findFirst().orElse(null);
	}

	private static Map regionOf(Map report, String regionName) {
		return ((List<Map>) report.get("regions")).stream()
			.filter(region -> regionName.equals(region.get("regionName")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no region " + regionName + " in " + report.get("regions")));
	}

	private static BigDecimal amount(Object number) {
		return BigDecimal.valueOf(((Number) number).doubleValue()).setScale(2, RoundingMode.HALF_UP);
	}

	/**
	 * A line's figures as one text: "customers creditCustomers | limits exposure overdue writtenOff liability
	 * approverLiability".
	 */
	private static String figures(Map line) {
		StringBuilder text = new StringBuilder().append(((Number) line.get("customers")).longValue())
			.append(' ')
			.append(((Number) line.get("creditCustomers")).longValue())
			.append(" |");
		for (String sum : SUMS) {
			text.append(' ').append(amount(line.get(sum)).toPlainString());
		}
		return text.toString();
	}

	/** The receivables aging's total for the user today: [open, overdue (every bucket after current)]. */
	private BigDecimal[] agingTotal(String user) {
		Map aging = as(user).getForObject("/api/reports/aging?groupBy=total", Map.class);
		Map total = (Map) aging.get("total");
		BigDecimal open = amount(total.get("open"));
		BigDecimal current = amount(((List) total.get("byDays")).get(0));
		return new BigDecimal[] { open, open.subtract(current) };
	}

	private void assertAgreesWithTheReceivablesReport(String user, Map report) {
		BigDecimal[] aging = agingTotal(user);
		Map totals = (Map) report.get("totals");
		assertThat(amount(totals.get("exposure"))).as("exposure of %s = open receivables in the aging", user)
			.isEqualByComparingTo(aging[0]);
		assertThat(amount(totals.get("overdue"))).as("overdue of %s = past due in the aging", user)
			.isEqualByComparingTo(aging[1]);
	}

	/** The rows add up to the totals, and so do the regions. */
	private static void assertAddsUp(Map report) {
		Map totals = (Map) report.get("totals");
		for (String part : new String[] { "rows", "regions" }) {
			List<Map> lines = (List<Map>) report.get(part);
			for (String count : new String[] { "customers", "creditCustomers" }) {
				assertThat(lines.stream().mapToLong(line -> ((Number) line.get(count)).longValue()).sum())
					.as("%s of the %s", count, part)
					.isEqualTo(((Number) totals.get(count)).longValue());
			}
			for (String sum : SUMS) {
				assertThat(lines.stream().map(line -> amount(line.get(sum))).reduce(BigDecimal.ZERO, BigDecimal::add))
					.as("%s of the %s", sum, part)
					.isEqualByComparingTo(amount(totals.get(sum)));
			}
		}
	}

	@Test
	void sumsEachRepsCustomersAndAgreesWithTheReceivablesReport() {
		String iris = newRep("Iris", "Qian");
		String jun = newRep("Jun", "Hu");
		Customer trading = customer(iris, "华东", 100_000, today.plusYears(1));
		invoiceDue(trading, "RX-NOT-DUE", 20, 30_000);
		invoiceDue(trading, "RX-LATE", -10, 20_000);
		invoiceDue(trading, "RX-DUE-TODAY", 0, 1_000); // due today is not yet overdue
		customer(iris, null, 0, null); // a prospect: no region, no limit
		customer(iris, "华东", 60_000, today.minusDays(1)); // its limit expired yesterday: counted, not on credit
		Customer junsCustomer = customer(jun, "华南", 200_000, today.plusYears(1));
		invoiceDue(junsCustomer, "RX-J-LATE", -5, 40_000);
		invoiceDue(junsCustomer, "RX-J-NOT-DUE", 30, 60_000);
		payment(junsCustomer, "RX-J-PAY", 15_000); // settles the oldest due first: 25,000 of RX-J-LATE stay open

		String irisFigures = "3 1 | 160000.00 51000.00 20000.00 0.00 0.00 0.00";
		String junFigures = "1 1 | 200000.00 85000.00 25000.00 0.00 0.00 0.00";

		Map own = report(iris);
		assertThat(rows(own)).extracting(row -> row.get("repId")).containsExactly(iris);
		assertThat(figures(rowOf(own, iris))).isEqualTo(irisFigures);
		assertThat(rowOf(own, iris)).containsEntry("repName", nameOf(iris, "Iris", "Qian"));
		assertThat(figures((Map) own.get("totals"))).isEqualTo(irisFigures);
		assertThat(figures(regionOf(own, "华东"))).isEqualTo("2 1 | 160000.00 51000.00 20000.00 0.00 0.00 0.00");
		assertThat(regionOf(own, "华东")).containsEntry("region", "华东");
		assertThat(figures(regionOf(own, "未填地区 No region"))).isEqualTo("1 0 | 0.00 0.00 0.00 0.00 0.00 0.00");
		assertThat(regionOf(own, "未填地区 No region").get("region")).isNull();
		assertThat((List) own.get("regions")).hasSize(2);
		assertAgreesWithTheReceivablesReport(iris, own);

		Map juns = report(jun);
		assertThat(rows(juns)).extracting(row -> row.get("repId")).containsExactly(jun);
		assertThat(figures(rowOf(juns, jun))).isEqualTo(junFigures);
		assertAgreesWithTheReceivablesReport(jun, juns);

		Map all = report("clara");
		assertThat(figures(rowOf(all, iris))).isEqualTo(irisFigures);
		assertThat(figures(rowOf(all, jun))).isEqualTo(junFigures);
		assertAgreesWithTheReceivablesReport("clara", all);
		assertAddsUp(all);
		assertThat(amount(((Map) all.get("totals")).get("exposure"))).isGreaterThanOrEqualTo(new BigDecimal("136000.00"));
	}

	@Test
	void aWrittenOffDebtLeavesTheExposureAndIsChargedToTheRep() {
		String kim = newRep("Kim", "Zhao");
		Customer customer = customer(kim, "西南", 50_000, today.plusYears(1));
		invoice(customer, "RX-W65", today.minusDays(95), today.minusDays(65), 80_000); // 50,000 within the limit
		assertThat(figures(rowOf(report(kim), kim))).isEqualTo("1 1 | 50000.00 80000.00 80000.00 0.00 0.00 0.00");

		post(as("fay"), "/api/collections/run-detection", Map.of());
		ResponseEntity<Map> decided = complete("erik", task("erik", customer, "UserTask_DecideCollectionAction"),
				Map.of("collectionAction", "PROPOSE_WRITE_OFF", "decisionNotes", "Customer insolvent."));
		assertThat(decided.getStatusCode().is2xxSuccessful()).as(String.valueOf(decided.getBody())).isTrue();
		ResponseEntity<Map> approved = complete("gina", task("gina", customer, "UserTask_ApproveWriteOff"),
				Map.of("writeOffDecision", "APPROVE", "writeOffComment", "Insolvency confirmed."));
		assertThat(approved.getStatusCode().is2xxSuccessful()).as(String.valueOf(approved.getBody())).isTrue();

		// 30,000 beyond the limit in full and 10 % of the 50,000 within it; no approving decision on record, so no
		// approver's share; the customer is cash only now
		String kimFigures = "1 0 | 0.00 0.00 0.00 80000.00 35000.00 0.00";
		Map own = report(kim);
		assertThat(rows(own)).extracting(row -> row.get("repId")).containsExactly(kim);
		assertThat(figures(rowOf(own, kim))).isEqualTo(kimFigures);
		assertThat(figures(regionOf(own, "西南"))).isEqualTo(kimFigures);
		assertThat(figures((Map) own.get("totals"))).isEqualTo(kimFigures);
		assertAgreesWithTheReceivablesReport(kim, own);

		Map all = report("erik");
		assertThat(figures(rowOf(all, kim))).isEqualTo(kimFigures);
		assertAgreesWithTheReceivablesReport("erik", all);
		assertAddsUp(all);
	}

	@Test
	void thePageShowsRepsByNameWithAmountsInCnyToThoseWhoMaySeeThem() {
		String lena = newRep("Lena", "Guo");
		String otherRep = newRep("Ming", "Xu");
		Customer customer = customer(lena, "华北", 80_000, today.plusYears(1));
		invoiceDue(customer, "RX-P-LATE", -3, 12_345);
		String lenaName = nameOf(lena, "Lena", "Guo");

		ResponseEntity<String> own = as(lena).getForEntity("/reports/rep-exposure", String.class);
		assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(own.getBody()).contains("承办人责任 Exposure and liability per rep", "<td>" + lenaName + "</td>",
				"<td>华北</td>", "CNY 80,000.00", "CNY 12,345.00", "合计 Total")
			.doesNotContain("<td>" + lena + "</td>");
		assertThat(as("dora").getForObject("/reports/rep-exposure", String.class)).contains("<td>" + lenaName + "</td>");
		assertThat(as(otherRep).getForObject("/reports/rep-exposure", String.class)).doesNotContain(lenaName, "华北")
			.contains("没有可显示的客户或呆账责任。 No customers or liabilities to show.");

		assertThat(http.getForEntity("/reports/rep-exposure", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(http.getForEntity("/api/reports/rep-exposure", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	/** An approved temporary increase on top of the customer's current limit, for the days given. */
	private void temporaryIncrease(Customer customer, long amount, LocalDate from, LocalDate until, String status) {
		jdbc.update("INSERT INTO temporary_limit (customer_id, amount, valid_from, valid_until, reason, requested_by, "
				+ "status, base_limit, base_decision_id, requested_at) VALUES (?, ?, ?, ?, 'Seasonal orders', ?, ?, ?, ?, ?)",
				customer.getId(), BigDecimal.valueOf(amount), from, until, customer.getResponsibleRep(), status,
				customer.getCreditLimit(), customer.getLimitDecisionId(), java.sql.Timestamp.valueOf(today.atStartOfDay()));
	}

	@Test
	void countsKeyAccountsAndTheTemporaryIncreasesInForceToday() {
		String nora = newRep("Nora", "Shen");
		Customer key = customer(nora, "华中", 300_000, today.plusYears(1));
		jdbc.update("UPDATE customer SET key_account_class = 'A' WHERE id = ?", key.getId());
		Customer other = customer(nora, "华中", 100_000, today.plusYears(1));
		jdbc.update("UPDATE customer SET key_account_class = 'C' WHERE id = ?", other.getId());
		temporaryIncrease(key, 50_000, today.minusDays(10), today.plusDays(20), "APPROVED"); // in force
		temporaryIncrease(other, 20_000, today.plusDays(1), today.plusDays(30), "APPROVED"); // starts tomorrow
		temporaryIncrease(other, 30_000, today.minusDays(40), today.minusDays(1), "EXPIRED"); // ended yesterday
		Customer lapsed = customer(nora, "华中", 80_000, today.minusDays(1)); // its limit expired: nothing on top
		temporaryIncrease(lapsed, 40_000, today.minusDays(5), today.plusDays(5), "APPROVED");

		Map row = rowOf(report(nora), nora);
		assertThat(((Number) row.get("keyAccounts")).longValue()).isEqualTo(1);
		assertThat(amount(row.get("limits"))).isEqualByComparingTo("480000.00");
		assertThat(amount(row.get("temporaryIncreases"))).isEqualByComparingTo("50000.00");
		Map region = regionOf(report(nora), "华中");
		assertThat(((Number) region.get("keyAccounts")).longValue()).isEqualTo(1);
		assertThat(amount(region.get("temporaryIncreases"))).isEqualByComparingTo("50000.00");
		Map all = report("fay");
		Map totals = (Map) all.get("totals");
		assertThat(((List<Map>) all.get("rows")).stream().mapToLong(r -> ((Number) r.get("keyAccounts")).longValue()).sum())
			.isEqualTo(((Number) totals.get("keyAccounts")).longValue());
		assertThat(((List<Map>) all.get("rows")).stream()
			.map(r -> amount(r.get("temporaryIncreases")))
			.reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(amount(totals.get("temporaryIncreases")));
		assertThat(as(nora).getForObject("/reports/rep-exposure", String.class)).contains("重点客户 Key accounts",
				"临时额度 Temporary increases", "CNY 50,000.00");
	}

	private Map task(String user, Customer customer, String definitionKey) {
		ResponseEntity<Map[]> response = as(user).getForEntity("/engine-rest/task?maxResults=50"
				+ "&processDefinitionKey=overdue-collection&processInstanceBusinessKey=" + customer.getCreditCode(),
				Map[].class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return List.of(response.getBody())
			.stream()
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
		variables.forEach((name, value) -> typed.put(name, Map.of("value", value, "type", "String")));
		return post(as(user), "/engine-rest/task/" + id + "/submit-form", Map.of("variables", typed));
	}

}
