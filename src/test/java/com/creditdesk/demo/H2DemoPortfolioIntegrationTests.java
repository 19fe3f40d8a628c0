package com.creditdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import com.creditdesk.support.IntegrationTestBase;
import com.creditdesk.support.OnH2;

/** The demo profile's portfolio on a first start: what a new user opens must look like a living credit department. */
@OnH2
// its own application context, so Maven runs it in its own JVM (see pom.xml: Camunda's webapps keep JVM-wide state)
@TestPropertySource(properties = "creditdesk.demo.portfolio=true")
class H2DemoPortfolioIntegrationTests extends IntegrationTestBase {

	@Autowired
	private DemoPortfolio portfolio;

	@Autowired
	private JdbcTemplate jdbc;

	@BeforeEach
	void awaitSeeding() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (portfolio.health().getStatus().equals(Status.OUT_OF_SERVICE) && System.nanoTime() < deadline) {
			Thread.sleep(200); // the seeding runs on its own thread after start; health says when it is done
		}
		assertThat(portfolio.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void seedsSixtyCustomersOfEveryGradeAcrossRepsAndRegions() {
		assertThat(count("SELECT count(*) FROM customer")).isGreaterThanOrEqualTo(60);
		assertThat(jdbc.queryForList("SELECT DISTINCT credit_grade FROM customer WHERE credit_grade IS NOT NULL",
				String.class)).contains("AAA", "AA", "A", "B", "C");
		assertThat(count("SELECT count(DISTINCT responsible_rep) FROM customer")).isGreaterThanOrEqualTo(3);
		assertThat(count("SELECT count(DISTINCT region) FROM customer")).isGreaterThanOrEqualTo(5);
		assertThat(count("SELECT count(*) FROM customer WHERE status = 'VANISHED'")).isEqualTo(1);
	}

	@Test
	void seedsTwelveMonthsOfLedgerAndOpenItemsOfThisYearAndLastYear() {
		LocalDate oldest = jdbc.queryForObject("SELECT min(invoice_date) FROM receivable", LocalDate.class);
		assertThat(oldest).isBefore(LocalDate.now().minusMonths(12));
		assertThat(count("SELECT count(*) FROM payment")).isGreaterThan(500);
		assertThat(count("SELECT count(*) FROM credit_note")).isGreaterThan(20);
		assertThat(count("SELECT count(*) FROM receivable WHERE open_amount > 0 AND due_date < CURRENT_DATE"))
			.isGreaterThan(5);
		assertThat(count("SELECT count(*) FROM receivable WHERE open_amount > 0 AND invoice_date < ?",
				LocalDate.now().withDayOfYear(1)))
			.as("an open debt of last year")
			.isGreaterThanOrEqualTo(1);
	}

	@Test
	void seedsCollectionCasesAtEveryStageWithPromiseDisputeAndWriteOff() {
		assertThat(jdbc.queryForList("SELECT DISTINCT stage FROM collection_case WHERE status = 'OPEN'", String.class))
			.contains("REMINDER", "DUNNING_LETTER", "CREDIT_HOLD", "REGIONAL_DECISION", "WRITE_OFF_PROPOSAL");
		assertThat(count("SELECT count(*) FROM payment_promise")).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM collection_dispute")).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM collection_case WHERE status = 'WRITTEN_OFF'")).isEqualTo(1);
		assertThat(count("SELECT count(DISTINCT person) FROM bad_debt_liability")).as("rep and approver share it")
			.isEqualTo(2);
	}

	@Test
	void seedsCreditDecisionsByEveryApproverAndLeavesWorkInTheirTasklists() {
		assertThat(jdbc.queryForList("SELECT DISTINCT approver FROM credit_decision_step", String.class))
			.contains("carl", "clara", "dora", "erik", "gina");
		assertThat(jdbc.queryForList("SELECT DISTINCT decision FROM credit_decision_step", String.class))
			.contains("APPROVE", "REDUCE", "REJECT");
		var tasks = engine.getTaskService();
		assertThat(tasks.createTaskQuery().taskCandidateGroup("customerManagers").count()).isPositive();
		assertThat(tasks.createTaskQuery().taskCandidateGroup("regionalManagers").count()).isPositive();
		assertThat(tasks.createTaskQuery().taskAssignee("ana").count()).isPositive();
	}

	@Test
	void seedsOnlyOnce() {
		long customers = count("SELECT count(*) FROM customer");
		long invoices = count("SELECT count(*) FROM receivable");
		portfolio.seedOnFirstStart();
		assertThat(portfolio.health().getStatus()).isEqualTo(Status.UP);
		assertThat(count("SELECT count(*) FROM customer")).isEqualTo(customers);
		assertThat(count("SELECT count(*) FROM receivable")).isEqualTo(invoices);

		// a second node that passed the "already seeded?" check at the same moment: the unique credit codes stop it
		long instances = engine.getRuntimeService().createProcessInstanceQuery().count();
		portfolio.seed();
		assertThat(count("SELECT count(*) FROM customer")).isEqualTo(customers);
		assertThat(count("SELECT count(*) FROM receivable")).isEqualTo(invoices);
		assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instances);
	}

	private long count(String sql, Object... args) {
		List<Map<String, Object>> rows = jdbc.queryForList(sql, args);
		return ((Number) rows.get(0).values().iterator().next()).longValue();
	}

}
