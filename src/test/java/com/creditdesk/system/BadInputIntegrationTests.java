package com.creditdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.creditdesk.collection.CollectionDetection;
import com.creditdesk.customer.Customer;
import com.creditdesk.customer.CustomerRepository;
import com.creditdesk.customer.OwnershipType;
import com.creditdesk.support.IntegrationTestBase;
import com.creditdesk.support.InvestigationFixture;
import com.creditdesk.support.TestCreditCodes;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Several hundred malformed requests, generated field by field from valid ones, against every write of the API
 * and the investigation's start form: each is refused with 4xx and a message (never 5xx, never SQL or a Java class
 * name in the body), and none leaves a row behind.
 */
abstract class BadInputIntegrationTests extends IntegrationTestBase {

	/** What must never reach a user: SQL, JDBC, Java class or package names, stack traces. */
	private static final Pattern LEAK = Pattern.compile(
			"(?i)insert into|select .{0,200} from|update .{0,100} set|delete from|constraint|jdbc|hibernate|sqlstate"
					+ "|org\\.(h2|postgresql|springframework|camunda)|java\\.|jakarta\\.|com\\.fasterxml|exception:|\\tat ");

	private static final String LONG = "x".repeat(5_000);

	private static final List<String> TABLES = List.of("receivable", "payment", "payment_allocation", "credit_note",
			"order_reservation", "collateral", "collection_dispute", "customer", "credit_file", "review_trigger");

	@Autowired
	CustomerRepository customers;

	@Autowired
	CollectionDetection detection;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ObjectMapper json;

	private final LocalDate today = LocalDate.now();

	private Customer customer;

	private long caseId;

	private final List<String> failures = new ArrayList<>();

	private final Map<Integer, Integer> statuses = new TreeMap<>();

	private int sent;

	@BeforeEach
	void customerWithAnOverdueInvoice() {
		customer = new Customer("Bad Input Co. " + System.nanoTime(), TestCreditCodes.next(), OwnershipType.PRIVATE, "ana");
		customer.grantLimit(BigDecimal.valueOf(500_000), "A", today.minusYears(1), today.plusYears(1), today.plusMonths(6), null);
		customer = customers.save(customer);
		send("fay", "/api/receivables/invoices", invoice(), false);
		detection.run(today);
		caseId = jdbc.queryForObject("select id from collection_case where customer_id = ?", Long.class, customer.getId());
		failures.clear();
		statuses.clear();
		sent = 0;
	}

	private Map<String, Object> invoice() {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("customerId", customer.getId());
		line.put("invoiceNumber", "INV-BAD-1");
		line.put("orderReference", "SO-BAD-1");
		line.put("invoiceDate", today.minusDays(60).toString());
		line.put("dueDate", today.minusDays(20).toString());
		line.put("amount", 20_000);
		line.put("currency", "CNY");
		return line;
	}

	private Map<String, Object> payment() {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("customerId", customer.getId());
		line.put("reference", "PAY-BAD-1");
		line.put("paymentDate", today.toString());
		line.put("amount", 1_000);
		line.put("invoiceNumbers", List.of("INV-BAD-1"));
		return line;
	}

	private Map<String, Object> creditNote() {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("customerId", customer.getId());
		line.put("noteNumber", "CN-BAD-1");
		line.put("invoiceNumber", "INV-BAD-1");
		line.put("noteDate", today.toString());
		line.put("amount", 500);
		line.put("reason", "Price difference");
		return line;
	}

	private Map<String, Object> creditCheck() {
		Map<String, Object> check = new LinkedHashMap<>();
		check.put("customerId", customer.getId());
		check.put("orderReference", "SO-CHECK-1");
		check.put("amount", 1_000);
		return check;
	}

	private Map<String, Object> collateral() {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("kind", "BANK_GUARANTEE");
		request.put("description", "Guarantee of the customer's bank");
		request.put("value", 100_000);
		request.put("validUntil", today.plusYears(1).toString());
		return request;
	}

	private static List<Object> badAmounts() {
		return List.of(0, -1, new BigDecimal("0.001"), new BigDecimal("12.345"), new BigDecimal("1E13"),
				new BigDecimal("1E20"), "abc", true, List.of(), Map.of(), "", new BigDecimal("1E-10"), "NaN");
	}

	private static List<Object> badTexts(int max) {
		return List.of("", "   ", "y".repeat(max + 1), LONG, List.of("a"), Map.of("a", 1));
	}

	private static List<Object> badDates() {
		return List.of("0001-01-01", "+99999-01-01", "9999-12-31", "2026-13-45", "abc", "", List.of(), 1.5);
	}

	private static List<Object> badCustomerIds() {
		return List.of(-1, 0, 99_999_999, "x", "9223372036854775808", 1.5, List.of());
	}

	/** Sends one request and records what is wrong with the answer. */
	private void send(String user, String path, Object body, boolean mustBeRefused) {
		send(user, path, "", body, mustBeRefused);
	}

	private void send(String user, String path, String label, Object body, boolean mustBeRefused) {
		String text;
		try {
			text = body instanceof String raw ? raw : json.writeValueAsString(body);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<String> response = as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(text, headers),
				String.class);
		check(path + label, text, response, mustBeRefused);
	}

	private void get(String user, String path) {
		ResponseEntity<String> response = as(user).getForEntity(path, String.class);
		check("GET " + path, "", response, response.getStatusCode().is4xxClientError());
	}

	private void check(String what, String body, ResponseEntity<String> response, boolean mustBeRefused) {
		sent++;
		int status = response.getStatusCode().value();
		statuses.merge(status, 1, Integer::sum);
		String answer = response.getBody() == null ? "" : response.getBody();
		String request = what + " " + abbreviate(body);
		if (status >= 500) {
			failures.add(status + " for " + request + " -> " + abbreviate(answer));
		}
		else if (mustBeRefused && status < 400) {
			failures.add("accepted (" + status + ") " + request + " -> " + abbreviate(answer));
		}
		else if (status >= 400 && answer.isBlank()) {
			failures.add("no message with " + status + " for " + request);
		}
		if (LEAK.matcher(answer).find()) {
			failures.add("leaks internals: " + request + " -> " + abbreviate(answer));
		}
	}

	private static String abbreviate(String text) {
		return text.length() > 300 ? text.substring(0, 300) + "…" : text;
	}

	private void mutate(String user, String path, Map<String, Object> valid, String field, List<Object> values) {
		for (Object value : values) {
			Map<String, Object> body = new LinkedHashMap<>(valid);
			body.put(field, value);
			String shown = String.valueOf(value);
			send(user, path, " [" + field + "=" + (shown.length() > 20 ? shown.substring(0, 20) + "…" : shown) + "]", body,
					true);
		}
		Map<String, Object> without = new LinkedHashMap<>(valid);
		without.remove(field);
		if (!field.equals("customerId") && !field.equals("currency") && !field.equals("orderReference")
				&& !field.equals("invoiceNumbers") && !field.equals("noteDate") && !field.equals("reason")
				&& !field.equals("validUntil")) {
			send(user, path, " [without " + field + "]", without, true);
		}
	}

	private Map<String, Long> rowCounts() {
		Map<String, Long> counts = new TreeMap<>();
		for (String table : TABLES) {
			counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
		}
		return counts;
	}

	@Test
	void everyMalformedRequestIsRefusedWithAClearMessageAndWritesNothing() {
		Map<String, Long> before = rowCounts();
		long instancesBefore = engine.getHistoryService().createHistoricProcessInstanceQuery().count();

		String invoices = "/api/receivables/invoices";
		mutate("fay", invoices, invoice(), "amount", badAmounts());
		mutate("fay", invoices, invoice(), "invoiceNumber", badTexts(60));
		mutate("fay", invoices, invoice(), "orderReference", badTexts(60).subList(2, 6));
		mutate("fay", invoices, invoice(), "invoiceDate", badDates());
		mutate("fay", invoices, invoice(), "dueDate", badDates());
		mutate("fay", invoices, invoice(), "currency", List.of("USD", "CNYY", LONG, List.of()));
		mutate("fay", invoices, invoice(), "customerId", badCustomerIds());
		Map<String, Object> disagreeing = invoice();
		disagreeing.put("invoiceNumber", "INV-BAD-2");
		disagreeing.put("customerCode", TestCreditCodes.next());
		send("fay", invoices, disagreeing, true);
		Map<String, Object> byLongCode = invoice();
		byLongCode.remove("customerId");
		byLongCode.put("customerCode", LONG);
		send("fay", invoices, byLongCode, true);
		Map<String, Object> changedDueDate = invoice();
		changedDueDate.put("dueDate", today.minusDays(10).toString());
		send("fay", invoices, changedDueDate, true);

		String batch = "/api/receivables/invoices/batch";
		Map<String, Object> second = invoice();
		second.put("invoiceNumber", "INV-BAD-3");
		Map<String, Object> secondAgain = new LinkedHashMap<>(second);
		secondAgain.put("dueDate", today.plusDays(5).toString());
		Map<String, Object> secondPadded = new LinkedHashMap<>(second);
		secondPadded.put("invoiceNumber", "INV-BAD-3 ");
		for (Object body : List.of("[null]", "[]", "{}", "[1]", "\"x\"", "[[]]", "null", List.of(second, secondAgain),
				List.of(second, secondPadded), List.of(second, Map.of("amount", "1e20")))) {
			send("fay", batch, body, true);
		}

		String payments = "/api/receivables/payments";
		mutate("fay", payments, payment(), "amount", badAmounts());
		mutate("fay", payments, payment(), "reference", badTexts(60));
		mutate("fay", payments, payment(), "paymentDate", badDates());
		mutate("fay", payments, payment(), "customerId", badCustomerIds());
		mutate("fay", payments, payment(), "invoiceNumbers",
				List.of(List.of("NO-SUCH"), "INV-BAD-1", Map.of(), List.of(LONG), java.util.Arrays.asList((Object) null)));

		String notes = "/api/receivables/credit-notes";
		mutate("fay", notes, creditNote(), "amount", badAmounts());
		mutate("fay", notes, creditNote(), "noteNumber", badTexts(60));
		mutate("fay", notes, creditNote(), "invoiceNumber", List.of("", "NO-SUCH", LONG, List.of()));
		mutate("fay", notes, creditNote(), "noteDate", List.of("0001-01-01", "+99999-01-01", "9999-12-31", "2026-13-45",
				"abc", 1.5));
		mutate("fay", notes, creditNote(), "reason", badTexts(500).subList(2, 6));

		String checks = "/api/credit-checks";
		mutate("ana", checks, creditCheck(), "amount", badAmounts());
		mutate("ana", checks, creditCheck(), "orderReference", badTexts(60));
		mutate("ana", checks, creditCheck(), "customerId", badCustomerIds());

		String collateral = "/api/customers/" + customer.getId() + "/collateral";
		mutate("ana", collateral, collateral(), "kind", List.of("GOLD_BARS", "", LONG, List.of()));
		mutate("ana", collateral, collateral(), "description", badTexts(500));
		mutate("ana", collateral, collateral(), "value", badAmounts());
		mutate("ana", collateral, collateral(), "validUntil", badDates().subList(1, 8));

		String disputes = "/api/collections/" + caseId + "/disputes";
		Map<String, Object> dispute = Map.of("invoiceNumber", "INV-BAD-1", "reason", "Goods arrived damaged.");
		mutate("ana", disputes, dispute, "invoiceNumber", List.of("", "NO-SUCH", LONG, List.of()));
		mutate("ana", disputes, dispute, "reason", List.of("", "abc", LONG, List.of()));
		String vanished = "/api/collections/" + caseId + "/vanished";
		mutate("ana", vanished, Map.of("reason", "Office empty, phones cut."), "reason", List.of("", "abc", LONG, 5));

		for (String path : List.of(invoices, batch, payments, notes, checks, collateral, disputes, vanished)) {
			for (String raw : List.of("{", "", "{\"amount\":}", "<xml/>", "{\"amount\": 1e999999}",
					"{\"customerId\": {\"$gt\": 0}}")) {
				send(path.contains("receivables") ? "fay" : "ana", path, raw, true);
			}
		}
		for (String path : List.of("/api/customers/abc", "/api/customers/-1", "/api/customers/99999999999999999999",
				"/api/credit-files/abc", "/api/credit-decisions/1e5", "/api/collections/abc",
				"/api/collections?status=NOPE", "/api/reports/aging?asOf=yesterday", "/api/reports/aging/csv?asOf=0000-00-00",
				"/api/reports/aging/invoices?bucket=%00", "/api/customers/" + customer.getId() + "/receivables?x=%FF",
				"/api/collections/" + caseId + "/documents/abc", "/api/collections/" + caseId + "/documents/-1/pdf")) {
			get("fay", path);
		}

		if (!rowCounts().equals(before)) {
			failures.add("rows written by refused requests: " + before + " -> " + rowCounts());
		}
		long instancesAfter = engine.getHistoryService().createHistoricProcessInstanceQuery().count();
		if (instancesAfter != instancesBefore) {
			failures.add((instancesAfter - instancesBefore) + " process instances started by refused requests");
		}

		String start = "/engine-rest/process-definition/key/credit-investigation/";
		Map<String, Object> badInvestigations = new LinkedHashMap<>();
		badInvestigations.put("currentLiabilities", new BigDecimal("0.01"));
		badInvestigations.put("quickAssets", new BigDecimal("1E20"));
		badInvestigations.put("netProfit", 20_000_000);
		badInvestigations.put("industry", "y".repeat(101));
		badInvestigations.put("customerName", "y".repeat(201));
		badInvestigations.put("requestedLimit", new BigDecimal("1E20"));
		badInvestigations.put("paymentTermDays", 100_000);
		badInvestigations.put("expectedMonthlyPurchases", -5);
		badInvestigations.put("totalAssetsEnd", 0);
		badInvestigations.put("ratingManagement", 6);
		badInvestigations.put("address", "y".repeat(301));
		badInvestigations.put("contactPhone", "y".repeat(41));
		// figures that cannot be scored start the investigation at "Correct the financial figures", naming the field
		// (the rep keeps what was typed); company facts that do not fit are refused at the start form
		for (Map.Entry<String, Object> bad : badInvestigations.entrySet()) {
			for (String way : List.of("submit-form", "start")) {
				Map<String, Object> variables = InvestigationFixture.soundCustomer().with(bad.getKey(), bad.getValue())
					.variables();
				String label = " [" + bad.getKey() + "=" + bad.getValue() + "]";
				ResponseEntity<Map> answer = as("ana").exchange(start + way, HttpMethod.POST,
						new HttpEntity<>(Map.of("variables", typedAll(variables)), jsonHeaders()), Map.class);
				sent++;
				statuses.merge(answer.getStatusCode().value(), 1, Integer::sum);
				if (answer.getStatusCode().is2xxSuccessful()) {
					String instance = (String) answer.getBody().get("id");
					var task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
					Object problem = engine.getRuntimeService().getVariable(instance, "figuresProblem");
					if (task == null || !"UserTask_CorrectFigures".equals(task.getTaskDefinitionKey())
							|| problem == null || String.valueOf(problem).isBlank()) {
						failures.add("accepted without a correction task: " + start + way + label);
					}
					assertThat(jdbc.queryForObject("select count(*) from credit_file where process_instance_id = ?",
							Long.class, instance)).as("no credit file from unusable figures" + label).isZero();
				}
				else if (answer.getStatusCode().value() != 400 || LEAK.matcher(String.valueOf(answer.getBody())).find()) {
					failures.add(answer.getStatusCode() + " for " + start + way + label + " -> " + answer.getBody());
				}
			}
		}

		System.out.printf("Bad input: %d requests, answers by status %s, %d problems%n", sent, statuses, failures.size());
		assertThat(failures).as("%d malformed requests", sent).isEmpty();
		assertThat(sent).isGreaterThanOrEqualTo(300);
	}

	@Test
	void aWrongTypeNamesTheFieldAndBrokenJsonSaysWhere() {
		ResponseEntity<Map> wrongType = as("fay").exchange("/api/receivables/payments", HttpMethod.POST,
				new HttpEntity<>("{\"customerId\": \"x\", \"reference\": \"P-1\"}", jsonHeaders()), Map.class);
		assertThat(wrongType.getStatusCode().value()).isEqualTo(400);
		assertThat(wrongType.getBody()).containsEntry("fields", Map.of("customerId", "customerId must be a whole number."));
		ResponseEntity<Map> broken = as("fay").exchange("/api/receivables/payments", HttpMethod.POST,
				new HttpEntity<>("{\"customerId\": 1, \"reference\": \"P-1", jsonHeaders()), Map.class);
		assertThat(broken.getStatusCode().value()).isEqualTo(400);
		assertThat((String) broken.getBody().get("detail")).startsWith("The request body is not valid JSON (line 1");
	}

	@Test
	void aRefusalSpeaksTheLanguageTheRequestAsksFor() {
		Map<String, Object> check = creditCheck();
		check.put("amount", 0);
		ResponseEntity<Map> chinese = as("ana").exchange("/api/credit-checks", HttpMethod.POST,
				new HttpEntity<>(check, jsonHeaders("zh-CN,zh;q=0.9,en;q=0.8")), Map.class);
		assertThat(chinese.getStatusCode().value()).isEqualTo(400);
		assertThat(chinese.getBody()).containsEntry("title", "请求无效")
			.containsEntry("detail", "订单金额必须大于零。")
			.containsEntry("fields", Map.of("amount", "订单金额必须大于零。"));

		ResponseEntity<Map> english = as("ana").exchange("/api/credit-checks", HttpMethod.POST,
				new HttpEntity<>(check, jsonHeaders("en-US,en;q=0.9,zh-CN;q=0.8")), Map.class);
		assertThat(english.getStatusCode().value()).isEqualTo(400);
		assertThat(english.getBody()).containsEntry("title", "Invalid request")
			.containsEntry("detail", "The order amount must be greater than zero.");
	}

	@Test
	void aStartFormRefusalSpeaksTheLanguageTheRequestAsksForAndNamesTheField() {
		String valid = TestCreditCodes.next();
		char wrong = valid.charAt(17) == '0' ? '1' : '0';
		String mistyped = valid.substring(0, 17) + wrong;
		Map<String, Object> variables = InvestigationFixture.soundCustomer().with("creditCode", mistyped).variables();
		long before = engine.getHistoryService().createHistoricProcessInstanceQuery().count();

		ResponseEntity<Map> chinese = as("ana").exchange(
				"/engine-rest/process-definition/key/credit-investigation/submit-form", HttpMethod.POST,
				new HttpEntity<>(Map.of("variables", typedAll(variables)), jsonHeaders("zh-CN")), Map.class);
		assertThat(chinese.getStatusCode().value()).isEqualTo(400);
		assertThat((String) chinese.getBody().get("message"))
			.contains("统一社会信用代码“" + mistyped + "”的校验码是“" + wrong + "”，但按前 17 位计算应为“" + valid.charAt(17) + "”")
			.endsWith("[creditCode]");

		ResponseEntity<Map> english = as("ana").exchange(
				"/engine-rest/process-definition/key/credit-investigation/submit-form", HttpMethod.POST,
				new HttpEntity<>(Map.of("variables", typedAll(variables)), jsonHeaders("en")), Map.class);
		assertThat(english.getStatusCode().value()).isEqualTo(400);
		assertThat((String) english.getBody().get("message"))
			.contains("has the check character '" + wrong + "' but its first 17 characters require '" + valid.charAt(17))
			.endsWith("[creditCode]");
		assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count()).isEqualTo(before);
	}

	private static HttpHeaders jsonHeaders(String acceptLanguage) {
		HttpHeaders headers = jsonHeaders();
		headers.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
		return headers;
	}

	private static HttpHeaders jsonHeaders() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return headers;
	}

	private static Map<String, Object> typedAll(Map<String, Object> variables) {
		Map<String, Object> typed = new LinkedHashMap<>();
		variables.forEach((name, value) -> typed.put(name, Map.of("value", value, "type",
				value instanceof Boolean ? "Boolean" : value instanceof Integer ? "Integer"
						: value instanceof Long ? "Long" : value instanceof Number ? "Double" : "String")));
		return typed;
	}

}
