package com.creditdesk.receivable;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import com.creditdesk.customer.CustomerService;
import com.creditdesk.customer.CustomerService.KeyAccountClassification;
import com.creditdesk.system.SystemActions;

/**
 * The 80/20 classification of customers (重点客户, ABC): every customer ranked by its credit sales of the last 12
 * months (the invoices posted to the ledger with an invoice date in those months), largest first, and classed by
 * the deployed DMN {@code key-account-class} on the share of the customers ranked above it. Evaluated with the
 * standalone DMN engine, in bulk, without a decision-history row per customer.
 */
@Service
public class KeyAccounts {

	public static final String DECISION = "key-account-class";

	private static final Logger log = LoggerFactory.getLogger(KeyAccounts.class);

	private final JdbcTemplate jdbc;

	private final CustomerService customers;

	private final ProcessEngine engine;

	/** Built on first use (Lazy): the daily classification, not the start, pays for its FEEL engine. */
	private final com.creditdesk.system.Lazy<DmnEngine> dmn = com.creditdesk.system.Lazy
		.of(com.creditdesk.system.FeelExpressionCache::newDmnEngine);

	private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

	KeyAccounts(JdbcTemplate jdbc, CustomerService customers, ProcessEngine engine) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.engine = engine;
	}

	/** What a classification run did: customers per class and the decision version that classed them. */
	public record Result(LocalDate asOf, Map<String, Integer> customersByClass, BigDecimal creditSales,
			String decision) {
	}

	/** Classifies every customer as of the day and records the classes on the customers. */
	public Result classify(LocalDate asOf) {
		Map<Long, BigDecimal> sales = new HashMap<>();
		jdbc.query("""
				SELECT customer_id, SUM(amount) AS sales FROM receivable
				WHERE invoice_date > ? AND invoice_date <= ?
				GROUP BY customer_id
				""", rs -> {
			sales.put(rs.getLong("customer_id"), rs.getBigDecimal("sales"));
		}, Date.valueOf(asOf.minusMonths(12)), Date.valueOf(asOf));
		List<Long> ids = new ArrayList<>(customers.allCustomerIds());
		ids.sort(Comparator.comparing((Long id) -> sales.getOrDefault(id, BigDecimal.ZERO)).reversed()
			.thenComparing(Comparator.naturalOrder()));
		BigDecimal total = sales.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		DecisionDefinition definition = SystemActions.asSystem(engine.getIdentityService(),
				() -> engine.getRepositoryService()
					.createDecisionDefinitionQuery()
					.decisionDefinitionKey(DECISION)
					.latestVersion()
					.singleResult());
		DmnDecision decision = parsed.computeIfAbsent(definition.getId(), this::parse);

		List<KeyAccountClassification> classes = new ArrayList<>(ids.size());
		Map<String, Integer> counts = new TreeMap<>();
		BigDecimal before = BigDecimal.ZERO;
		int rank = 0;
		for (long id : ids) {
			BigDecimal customerSales = sales.getOrDefault(id, BigDecimal.ZERO);
			double shareBefore = total.signum() == 0 ? 1.0 : before.divide(total, 10, RoundingMode.HALF_UP).doubleValue();
			String keyAccountClass = dmn.get()
				.evaluateDecisionTable(decision, Variables.createVariables()
					.putValue("creditSales", customerSales.doubleValue())
					.putValue("shareBefore", shareBefore))
				.getSingleEntry();
			BigDecimal share = total.signum() == 0 ? BigDecimal.ZERO : customerSales.divide(total, 6, RoundingMode.HALF_UP);
			classes.add(new KeyAccountClassification(id, keyAccountClass, customerSales.setScale(2, RoundingMode.HALF_UP),
					share, ++rank));
			counts.merge(keyAccountClass, 1, Integer::sum);
			before = before.add(customerSales);
		}
		customers.recordKeyAccountClasses(classes, asOf);
		String version = DECISION + " v" + definition.getVersion() + " (" + definition.getId() + ")";
		log.info("Key accounts as of {}: {} customers by class {} on credit sales of {} ({})", asOf, ids.size(), counts,
				total, version);
		return new Result(asOf, counts, total.setScale(2, RoundingMode.HALF_UP), version);
	}

	private DmnDecision parse(String definitionId) {
		try (InputStream model = SystemActions.asSystem(engine.getIdentityService(),
				() -> engine.getRepositoryService().getDecisionModel(definitionId))) {
			return dmn.get().parseDecision(DECISION, model);
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot read decision " + definitionId, e);
		}
	}

}
