package com.creditdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import com.creditdesk.customer.Customer;
import com.creditdesk.customer.CustomerRepository;
import com.creditdesk.customer.OwnershipType;
import com.creditdesk.support.IntegrationTestBase;
import com.creditdesk.support.InvestigationFixture;
import com.creditdesk.support.TestCreditCodes;

/**
 * {@code /actuator/prometheus} after a scripted day of credit work, on a database of its own (so every figure is
 * exact): credit checks by outcome, overdue amounts by bucket, open collection cases by stage, an approval waiting at
 * its level, a write-off; only operations and administrators may read it. On H2 and on PostgreSQL.
 */
// Spring Boot's tests export no metrics unless asked: the Prometheus endpoint as it runs in production
@AutoConfigureObservability(tracing = false)
@TestPropertySource(properties = "creditdesk.metrics-scraper.password=Scrape-2026-secret")
abstract class MetricsIntegrationTests extends IntegrationTestBase {

	@Autowired
	CustomerRepository customers;

	private final LocalDate today = LocalDate.now();

	@Test
	void onlyOperationsAndAdministratorsReadTheMetrics() {
		assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		ResponseEntity<Map> rep = as("ana").getForEntity("/actuator/prometheus", Map.class);
		assertThat(rep.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(rep.getBody()).containsKey("detail");
		assertThat(as("fay").getForEntity("/actuator/prometheus", String.class).getStatusCode())
			.as("a credit administrator is not operations").isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(as("oscar").getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(as("admin").getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(http.withBasicAuth("prometheus", "Scrape-2026-secret").getForEntity("/actuator/prometheus",
				String.class).getStatusCode()).as("the configured scraper").isEqualTo(HttpStatus.OK);
		assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).as("health stays open")
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void theFiguresFollowADayOfCreditWork() {
		Customer trading = customerWithLimit(50_000, "ana");
		Customer insolvent = customerWithLimit(50_000, "ben");
		Customer late = customerWithLimit(100_000, "ana");
		invoice(insolvent, "INV-M65", "80000.00", 65);
		invoice(late, "INV-M10", "12345.67", 10);
		invoice(late, "INV-M100", "1000.50", 100);
		invoice(trading, "INV-M0", "5000.00", -20); // not yet due: not overdue

		Scrape start = scrape();
		assertThat(start.value("creditdesk_receivables_overdue_cny", "bucket", "1-30")).isEqualTo(12_345.67);
		assertThat(start.value("creditdesk_receivables_overdue_cny", "bucket", "61-90")).isEqualTo(80_000.0);
		assertThat(start.value("creditdesk_receivables_overdue_cny", "bucket", "91-180")).isEqualTo(1_000.5);
		assertThat(start.value("creditdesk_receivables_overdue_cny", "bucket", "31-60")).isZero();
		assertThat(start.value("creditdesk_collection_cases_open", "stage", "REMINDER")).isZero();

		assertThat(check(trading, "SO-M1", 10_000).getBody()).containsEntry("outcome", "ON_CREDIT");
		assertThat(check(trading, "SO-M2", 60_000).getBody()).containsEntry("outcome", "SPLIT");
		assertThat(check(trading, "SO-M3", -5).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(check(insolvent, "SO-M4", 1_000).getBody()).as("65 days overdue").containsEntry("outcome", "CASH_ONLY");

		assertThat(post(as("fay"), "/api/collections/run-detection", Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);
		String insolventStage = (String) caseOf("ben", insolvent).get("stage");
		String lateStage = (String) caseOf("ana", late).get("stage");

		// on an engine of its own (a context of its own), worked through the Java API as the signed-in user
		String definition = engine.getRepositoryService().createProcessDefinitionQuery()
			.processDefinitionKey("credit-investigation").latestVersion().singleResult().getId();
		String instance = signedIn("ana", () -> engine.getFormService()
			.submitStartForm(definition, InvestigationFixture.soundCustomer().variables())
			.getId());
		String application = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
		signedIn("ana", () -> {
			engine.getFormService().submitTaskForm(application, Map.of("proposedLimit", 100_000, "proposedTermMonths",
					12, "proposalReason", "Sound payer."));
			return null;
		});

		Scrape during = scrape();
		assertThat(during.value("creditdesk_credit_checks_seconds_count", "outcome", "ON_CREDIT")).isEqualTo(1);
		assertThat(during.value("creditdesk_credit_checks_seconds_count", "outcome", "SPLIT")).isEqualTo(1);
		assertThat(during.value("creditdesk_credit_checks_seconds_count", "outcome", "CASH_ONLY")).isEqualTo(1);
		assertThat(during.value("creditdesk_credit_checks_seconds_count", "outcome", "REFUSED")).isEqualTo(1);
		assertThat(during.lines()).as("a latency histogram")
			.anyMatch(line -> line.startsWith("creditdesk_credit_checks_seconds_bucket{") && line.contains("outcome=\"SPLIT\""));
		Map<String, Integer> stages = new LinkedHashMap<>();
		stages.merge(insolventStage, 1, Integer::sum);
		stages.merge(lateStage, 1, Integer::sum);
		stages.forEach((stage, cases) -> assertThat(during.value("creditdesk_collection_cases_open", "stage", stage))
			.as(stage).isEqualTo(cases.doubleValue()));
		assertThat(during.value("creditdesk_approvals_open", "level", "customerManagers", "age", "0-1d")).isEqualTo(1);
		assertThat(during.value("creditdesk_approvals_open", "level", "directSalesManagers", "age", "0-1d")).isZero();
		assertThat(during.value("creditdesk_writeoffs_total")).isZero();

		complete("erik", insolvent, "UserTask_DecideCollectionAction",
				Map.of("collectionAction", "PROPOSE_WRITE_OFF", "decisionNotes", "Customer insolvent."));
		complete("gina", insolvent, "UserTask_ApproveWriteOff",
				Map.of("writeOffDecision", "APPROVE", "writeOffComment", "Insolvency confirmed."));

		Scrape after = scrape();
		assertThat(after.value("creditdesk_writeoffs_total")).isEqualTo(1);
		assertThat(after.value("creditdesk_writeoffs_amount_cny_total")).isEqualTo(80_000.0);
		assertThat(after.value("creditdesk_receivables_overdue_cny", "bucket", "61-90")).as("written off").isZero();
		assertThat(after.value("creditdesk_collection_cases_open", "stage", insolventStage))
			.isEqualTo(insolventStage.equals(lateStage) ? 1 : 0);
		assertThat(after.value("camunda_incidents_open", "type", "failedJob")).isZero();
		assertThat(after.value("camunda_jobs", "state", "failed")).isZero();
		assertThat(after.value("camunda_jobs", "state", "due")).as("timers and follow-ups wait: no job executor here")
			.isEqualTo(engine.getManagementService().createJobQuery().executable().count());
	}

	@Test
	void theDashboardReadsOnlyMetricsCreditDeskExports() throws Exception {
		as("ana").getForEntity("/api/customers", String.class); // an HTTP request to count
		List<String> exported = scrape().lines().stream().map(line -> line.split("[{ ]")[0]).distinct().toList();
		com.fasterxml.jackson.databind.JsonNode dashboard = new com.fasterxml.jackson.databind.ObjectMapper()
			.readTree(java.nio.file.Path.of("ops/grafana/dashboards/creditdesk.json").toFile());
		java.util.Set<String> used = new java.util.TreeSet<>();
		for (var panel : dashboard.path("panels")) {
			for (var target : panel.path("targets")) {
				var names = java.util.regex.Pattern.compile("\\b((?:creditdesk|camunda|jvm|http_server|executor)_[a-z_]+)")
					.matcher(target.path("expr").asText());
				while (names.find()) {
					used.add(names.group(1));
				}
			}
		}
		assertThat(used).contains("creditdesk_approvals_open", "creditdesk_receivables_overdue_cny",
				"creditdesk_collection_cases_open", "creditdesk_credit_checks_seconds_bucket", "creditdesk_writeoffs_total",
				"camunda_jobs", "camunda_incidents_open");
		// the job executor's pool exists only where the job executor runs (not in these tests; on the app it does)
		assertThat(used).filteredOn(name -> !name.startsWith("executor_")).allSatisfy(name -> assertThat(exported)
			.as("exported metric").contains(name));
	}

	private Customer customerWithLimit(long limit, String rep) {
		Customer customer = new Customer("Metrics Co. 指标 " + System.nanoTime(), TestCreditCodes.next(),
				OwnershipType.PRIVATE, rep);
		customer.grantLimit(BigDecimal.valueOf(limit), "A", today.minusYears(2), today.plusYears(1), today.plusMonths(6),
				null);
		return customers.save(customer);
	}

	private void invoice(Customer customer, String number, String amount, int daysOverdue) {
		ResponseEntity<Map> posted = post(as("fay"), "/api/receivables/invoices", Map.of("customerId", customer.getId(),
				"invoiceNumber", number, "invoiceDate", today.minusDays(daysOverdue + 30L).toString(), "dueDate",
				today.minusDays(daysOverdue).toString(), "amount", new BigDecimal(amount)));
		assertThat(posted.getStatusCode()).as(String.valueOf(posted.getBody())).isEqualTo(HttpStatus.CREATED);
	}

	private ResponseEntity<Map> check(Customer customer, String order, long amount) {
		return post(as(customer.getResponsibleRep()), "/api/credit-checks",
				Map.of("customerId", customer.getId(), "orderReference", order, "amount", amount));
	}

	private Map caseOf(String user, Customer customer) {
		List cases = as(user).getForObject("/api/customers/" + customer.getId() + "/collections", List.class);
		assertThat(cases).hasSize(1);
		return (Map) cases.get(0);
	}

	/** Claims and completes the case's task as the user, through the task's form. */
	private void complete(String user, Customer customer, String definitionKey, Map<String, Object> variables) {
		String task = engine.getTaskService().createTaskQuery()
			.processDefinitionKey("overdue-collection")
			.processInstanceBusinessKey(customer.getCreditCode())
			.taskDefinitionKey(definitionKey)
			.singleResult()
			.getId();
		signedIn(user, () -> {
			engine.getTaskService().claim(task, user);
			engine.getFormService().submitTaskForm(task, variables);
			return null;
		});
	}

	private <T> T signedIn(String user, java.util.function.Supplier<T> work) {
		var identity = engine.getIdentityService();
		identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
			.map(org.camunda.bpm.engine.identity.Group::getId).toList());
		try {
			return work.get();
		}
		finally {
			identity.clearAuthentication();
		}
	}

	private static ResponseEntity<Map> post(TestRestTemplate client, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return client.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
	}

	private Scrape scrape() {
		ResponseEntity<String> response = as("oscar").getForEntity("/actuator/prometheus", String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return new Scrape(response.getBody().lines().filter(line -> !line.startsWith("#")).toList());
	}

	/** Prometheus' text format: {@code name{label="value",…} figure}. */
	private record Scrape(List<String> lines) {

		/** The figure of the one series of {@code name} carrying the given label pairs. */
		double value(String name, String... labels) {
			List<String> matching = lines.stream().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
				.filter(line -> {
					for (int i = 0; i < labels.length; i += 2) {
						if (!line.contains(labels[i] + "=\"" + labels[i + 1] + "\"")) {
							return false;
						}
					}
					return true;
				})
				.toList();
			assertThat(matching).as(name + " " + String.join(",", labels)).hasSize(1);
			String line = matching.get(0);
			return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
		}

	}

}
