package com.creditdesk.policy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.creditdesk.system.Labels;
import com.creditdesk.system.Money;

/**
 * Runs a candidate policy on the whole portfolio beside the live version, in bulk with a DMN engine of its own (no
 * process is started, no decision history is written):
 * <ul>
 * <li>scorecard: every customer's latest scored credit file scored by both; the grade migration (from → to), the
 * suggested limits before and after, the approval chain each suggestion would need, and the exposure (open
 * receivables) above the new suggestion;</li>
 * <li>approval authority: every customer's current limit routed by both;</li>
 * <li>collection stages: every open collection case's days past due staged by both;</li>
 * <li>review interval: every graded customer's review interval and limit validity;</li>
 * <li>policy exceptions: every customer's latest proposal checked by both;</li>
 * <li>key-account classes: every customer ranked by its last 12 months' credit sales, classed by both.</li>
 * </ul>
 * <p>
 * Longer than 300 lines on purpose: it simulates each of the six policy files on the portfolio with queries they
 * share; one section per file.
 */
@Component
public class PolicySimulator {

	static final String SCORECARD = "credit-scorecard";

	static final String AUTHORITY = "approval-authority";

	static final String COLLECTION = "collection-stage";

	static final String REVIEW = "review-interval";

	static final String EXCEPTIONS = "policy-exceptions";

	static final String KEY_ACCOUNTS = "key-account-class";

	/** One customer whose result changes. */
	public record CustomerChange(long customerId, String name, String keyAccountClass, String gradeBefore,
			String gradeAfter, BigDecimal limitBefore, BigDecimal limitAfter, String chainBefore, String chainAfter,
			BigDecimal exposure) {
	}

	/**
	 * @param files how many credit files (or limits, or cases) were evaluated
	 * @param grades the labels of the migration matrix's rows and columns (grades, or stages)
	 * @param matrix customers per (before, after)
	 * @param customers the customers whose grade, suggested limit or chain changes
	 */
	public record Simulation(String policyKey, String resultLabel, boolean supported, String note, int files, long millis,
			List<String> grades, long[][] matrix, int gradesChanged, int limitsChanged, int chainsChanged,
			BigDecimal totalSuggestedBefore, BigDecimal totalSuggestedAfter, int customersAboveNewSuggestion,
			BigDecimal exposureAboveNewSuggestion, int keyAccountsAffected, List<CustomerChange> customers) {

		/** The figures in one line (for the reviewer's task). */
		public String summary() {
			if (!supported) {
				return note;
			}
			return String.format("%d 份 files · 变化 changed %d · 建议额度变化 limits changed %d"
					+ " · 审批链变化 chains changed %d · 建议额度合计 total suggested %s → %s"
					+ " · 敞口超出新建议 exposure above the new suggestion: %d 户 customers, %s"
					+ " · 重点客户 key accounts affected %d", files, gradesChanged, limitsChanged, chainsChanged, Money.format(totalSuggestedBefore),
					Money.format(totalSuggestedAfter), customersAboveNewSuggestion,
					Money.format(exposureAboveNewSuggestion), keyAccountsAffected);
		}

	}

	/** What the migration matrix and the customers' "before → after" column show, per policy. */
	private static final Map<String, String> RESULT_LABELS = Map.of(SCORECARD, "等级 Grade", AUTHORITY, "等级 Grade",
			COLLECTION, "催收阶段 Collection stage", REVIEW,
			"复核间隔与额度有效期（月） Review interval and validity (months)", EXCEPTIONS, "政策例外 Policy exceptions",
			KEY_ACCOUNTS, "重点客户分类 Key-account class");

	/** What each customer owes (its open receivables), joined to {@code customer c} as {@code o.open_amount}. */
	private static final String EXPOSURE = """
			LEFT JOIN (SELECT customer_id, sum(open_amount) AS open_amount FROM receivable WHERE open_amount > 0
			           GROUP BY customer_id) o ON o.customer_id = c.id""";

	/** The latest scored credit file of every customer, with what it owes. */
	private static final String FILES = """
			SELECT c.id AS customer_id, c.name, c.key_account_class, f.quick_ratio, f.debt_to_asset_ratio,
			       f.asset_turnover, f.net_profit_margin, f.qualitative_points, f.expected_monthly_purchases,
			       f.payment_term_days, f.net_worth, coalesce(o.open_amount, 0) AS exposure
			FROM customer c
			JOIN (SELECT customer_id, max(id) AS id FROM credit_file WHERE credit_score IS NOT NULL GROUP BY customer_id) l
			  ON l.customer_id = c.id
			JOIN credit_file f ON f.id = l.id
			%s
			ORDER BY c.id
			""".formatted(EXPOSURE);

	private static final String LIMITS = """
			SELECT c.id AS customer_id, c.name, c.key_account_class, c.credit_limit,
			       coalesce(o.open_amount, 0) AS exposure
			FROM customer c
			%s
			WHERE c.credit_limit > 0
			ORDER BY c.id
			""".formatted(EXPOSURE);

	/** Every customer with a grade, with what it owes. */
	private static final String GRADES = """
			SELECT c.id AS customer_id, c.name, c.key_account_class, c.credit_grade, coalesce(o.open_amount, 0) AS exposure
			FROM customer c
			%s
			WHERE c.credit_grade IS NOT NULL
			ORDER BY c.id
			""".formatted(EXPOSURE);

	/** Every customer's latest credit file with a proposal. */
	private static final String PROPOSALS = """
			SELECT c.id AS customer_id, c.name, c.key_account_class, f.credit_grade, f.proposed_limit,
			       f.proposed_term_months, f.suggested_limit, f.net_worth, coalesce(o.open_amount, 0) AS exposure
			FROM customer c
			JOIN (SELECT customer_id, max(id) AS id FROM credit_file WHERE proposed_limit IS NOT NULL
			        AND proposed_term_months IS NOT NULL AND suggested_limit IS NOT NULL AND credit_grade IS NOT NULL
			      GROUP BY customer_id) l ON l.customer_id = c.id
			JOIN credit_file f ON f.id = l.id
			%s
			ORDER BY c.id
			""".formatted(EXPOSURE);

	/** Every customer with its last 12 months' credit sales, largest first (ties by id), as the morning's run. */
	private static final String RANKED = """
			SELECT c.id AS customer_id, c.name, c.key_account_class, coalesce(s.sales, 0) AS sales,
			       coalesce(o.open_amount, 0) AS exposure
			FROM customer c
			LEFT JOIN (SELECT customer_id, sum(amount) AS sales FROM receivable
			           WHERE invoice_date > ? AND invoice_date <= ? GROUP BY customer_id) s
			  ON s.customer_id = c.id
			%s
			ORDER BY coalesce(s.sales, 0) DESC, c.id
			""".formatted(EXPOSURE);

	private static final String CASES = """
			SELECT c.id AS customer_id, c.name, c.key_account_class, k.days_past_due, k.overdue_amount,
			       CASE WHEN k.vanished_reported_by IS NULL THEN FALSE ELSE TRUE END AS vanished
			FROM collection_case k JOIN customer c ON c.id = k.customer_id
			WHERE k.open_customer_id IS NOT NULL
			ORDER BY c.id
			""";

	private final JdbcTemplate jdbc;

	private final Labels labels;

	/** Built on the first simulation, not at start. */
	private final com.creditdesk.system.Lazy<DmnEngine> dmn = com.creditdesk.system.Lazy
		.of(com.creditdesk.system.FeelExpressionCache::newDmnEngine);

	/** Parsed decisions by XML (a live version or a candidate never changes its XML). */
	private final Map<String, Map<String, DmnDecision>> parsed = new ConcurrentHashMap<>();

	PolicySimulator(JdbcTemplate jdbc, Labels labels) {
		this.jdbc = jdbc;
		this.labels = labels;
	}

	/**
	 * @param live the live version's XML of the policy
	 * @param candidate the candidate's XML
	 * @param authority the live approval authority's XML (routes the suggested limits)
	 */
	public Simulation simulate(String policyKey, String live, String candidate, String authority) {
		return simulate(policyKey, live, candidate, authority, null);
	}

	/** @param review the live review interval's XML (the validity the policy exceptions compare with) */
	public Simulation simulate(String policyKey, String live, String candidate, String authority, String review) {
		long start = System.nanoTime();
		Simulation result = switch (policyKey) {
			case SCORECARD -> scorecard(decisions(live), decisions(candidate), decisions(authority), start);
			case AUTHORITY -> authority(decisions(live), decisions(candidate), start);
			case COLLECTION -> collection(decisions(live), decisions(candidate), start);
			case REVIEW -> review(decisions(live), decisions(candidate), start);
			case EXCEPTIONS -> exceptions(decisions(live), decisions(candidate), decisions(review), start);
			case KEY_ACCOUNTS -> keyAccounts(decisions(live), decisions(candidate), start);
			default -> new Simulation(policyKey, null, false, com.creditdesk.system.Messages.text("policy.simulationNotAvailable"),
					0, 0, List.of(), new long[0][0], 0, 0, 0, zero(), zero(), 0, zero(), 0, List.of());
		};
		return result;
	}

	private Map<String, DmnDecision> decisions(String xml) {
		if (parsed.size() > 50) {
			parsed.clear();
		}
		return parsed.computeIfAbsent(xml, text -> {
			org.camunda.bpm.model.dmn.DmnModelInstance model = org.camunda.bpm.model.dmn.Dmn
				.readModelFromStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
			// "-" (any value) as the empty test, which means the same: the engine then skips the cell instead of
			// asking FEEL, four out of five cells of the scorecard
			for (org.camunda.bpm.model.dmn.instance.InputEntry entry : model
				.getModelElementsByType(org.camunda.bpm.model.dmn.instance.InputEntry.class)) {
				if (entry.getText() != null && "-".equals(entry.getText().getTextContent().strip())) {
					entry.getText().setTextContent("");
				}
			}
			Map<String, DmnDecision> byKey = new LinkedHashMap<>();
			for (DmnDecision decision : dmn.get().parseDecisions(model)) {
				byKey.put(decision.getKey(), decision);
			}
			return byKey;
		});
	}

	/** A scored file's inputs. */
	private record File(long customerId, String name, String keyAccountClass, double quickRatio,
			double debtToAssetRatio, double assetTurnover, double netProfitMargin, int qualitativePoints,
			double expectedMonthlyPurchases, int paymentTermDays, double netWorth, BigDecimal exposure) {
	}

	private record Scored(String grade, BigDecimal limit) {
	}

	private Simulation scorecard(Map<String, DmnDecision> live, Map<String, DmnDecision> candidate,
			Map<String, DmnDecision> authority, long start) {
		List<File> files = jdbc.query(FILES, (rs, n) -> new File(rs.getLong("customer_id"), rs.getString("name"),
				rs.getString("key_account_class"), rs.getDouble("quick_ratio"), rs.getDouble("debt_to_asset_ratio"),
				rs.getDouble("asset_turnover"), rs.getDouble("net_profit_margin"), rs.getInt("qualitative_points"),
				rs.getDouble("expected_monthly_purchases"), rs.getInt("payment_term_days"), rs.getDouble("net_worth"),
				Money.of(rs.getBigDecimal("exposure"))));
		// the DMN engine is thread-safe and FEEL evaluation is CPU-bound: every core scores its share of the files
		Map<String, String> chains = new ConcurrentHashMap<>();
		record Both(File file, Scored before, Scored after, String chainBefore, String chainAfter) {
		}
		List<Both> scored = files.parallelStream().map(file -> {
			Scored before = score(live, file);
			Scored after = score(candidate, file);
			boolean key = "A".equals(file.keyAccountClass());
			String chainBefore = chains.computeIfAbsent(before.limit() + "/" + key,
					k -> chain(authority, before.limit(), key));
			String chainAfter = chains.computeIfAbsent(after.limit() + "/" + key, k -> chain(authority, after.limit(), key));
			return new Both(file, before, after, chainBefore, chainAfter);
		}).toList();
		Tally tally = new Tally();
		for (Both both : scored) {
			File file = both.file();
			tally.add(file.customerId(), file.name(), file.keyAccountClass(), both.before().grade(),
					both.after().grade(), both.before().limit(), both.after().limit(), both.chainBefore(),
					both.chainAfter(), file.exposure());
		}
		return tally.result(SCORECARD, files.size(), start);
	}

	private Scored score(Map<String, DmnDecision> decisions, File file) {
		VariableMap inputs = Variables.createVariables()
			.putValue("quickRatio", file.quickRatio())
			.putValue("debtToAssetRatio", file.debtToAssetRatio())
			.putValue("assetTurnover", file.assetTurnover())
			.putValue("netProfitMargin", file.netProfitMargin())
			.putValue("qualitativePoints", file.qualitativePoints());
		org.camunda.bpm.dmn.engine.DmnDecisionResultEntries graded = dmn.get().evaluateDecision(decisions.get("credit-grade"), inputs)
			.getSingleResult();
		if (graded == null || graded.getEntry("creditGrade") == null) {
			// a gap between the bands: the candidate cannot grade this customer (409 with the customer's name)
			throw new com.creditdesk.system.ConflictException(com.creditdesk.system.Messages.text("policy.noGrade",
					file.name(), file.customerId()));
		}
		String grade = graded.getEntry("creditGrade");
		Object limit = dmn.get().evaluateDecision(decisions.get("suggested-limit"), Variables.createVariables()
			.putValue("creditGrade", grade)
			.putValue("expectedMonthlyPurchases", file.expectedMonthlyPurchases())
			.putValue("paymentTermDays", file.paymentTermDays())
			.putValue("netWorth", file.netWorth())).getSingleResult().getSingleEntry();
		return new Scored(grade, limit == null ? zero() : Money.of(new BigDecimal(limit.toString())));
	}

	/** The approval chain for an amount: the groups by level ("客户经理 → 直销部经理"), "—" for none. */
	private String chain(Map<String, DmnDecision> authority, BigDecimal amount, boolean keyAccount) {
		if (amount.signum() <= 0) {
			return "—";
		}
		DmnDecisionResult result = dmn.get().evaluateDecision(authority.get("approval-authority"), Variables.createVariables()
			.putValue("proposedLimit", amount.doubleValue())
			.putValue("policyException", false)
			.putValue("keyAccount", keyAccount));
		List<String> groups = new ArrayList<>();
		result.getResultList()
			.stream()
			.sorted(java.util.Comparator.comparingInt(row -> ((Number) row.get("level")).intValue()))
			.forEach(row -> groups.add(labels.name(row.get("approverGroup"))));
		return groups.isEmpty() ? "—" : String.join(" → ", groups);
	}

	private Simulation authority(Map<String, DmnDecision> live, Map<String, DmnDecision> candidate, long start) {
		Tally tally = new Tally();
		int[] count = { 0 };
		jdbc.query(LIMITS, rs -> {
			BigDecimal limit = Money.of(rs.getBigDecimal("credit_limit"));
			boolean key = "A".equals(rs.getString("key_account_class"));
			tally.add(rs.getLong("customer_id"), rs.getString("name"), rs.getString("key_account_class"), null, null,
					limit, limit, chain(live, limit, key), chain(candidate, limit, key),
					Money.of(rs.getBigDecimal("exposure")));
			count[0]++;
		});
		return tally.result(AUTHORITY, count[0], start);
	}

	private Simulation collection(Map<String, DmnDecision> live, Map<String, DmnDecision> candidate, long start) {
		Tally tally = new Tally();
		int[] count = { 0 };
		jdbc.query(CASES, rs -> {
			VariableMap inputs = Variables.createVariables()
				.putValue("customerVanished", rs.getBoolean("vanished"))
				.putValue("paymentPlanBroken", false)
				.putValue("daysPastDue", rs.getInt("days_past_due"))
				.putValue("keyAccount", "A".equals(rs.getString("key_account_class")));
			String before = labels.name(dmn.get().evaluateDecision(live.get("collection-stage"), inputs).getSingleEntry());
			String after = labels.name(dmn.get().evaluateDecision(candidate.get("collection-stage"), inputs).getSingleEntry());
			BigDecimal overdue = Money.of(rs.getBigDecimal("overdue_amount"));
			tally.add(rs.getLong("customer_id"), rs.getString("name"), rs.getString("key_account_class"), before, after,
					null, null, null, null, overdue);
			count[0]++;
		});
		return tally.result(COLLECTION, count[0], start);
	}

	/** Every customer's grade (and key-account class): the review interval and the limit validity it gives. */
	private Simulation review(Map<String, DmnDecision> live, Map<String, DmnDecision> candidate, long start) {
		Tally tally = new Tally();
		int[] count = { 0 };
		jdbc.query(GRADES, rs -> {
			VariableMap inputs = Variables.createVariables()
				.putValue("creditGrade", rs.getString("credit_grade"))
				.putValue("keyAccount", "A".equals(rs.getString("key_account_class")));
			tally.add(rs.getLong("customer_id"), rs.getString("name"), rs.getString("key_account_class"),
					interval(live, inputs), interval(candidate, inputs), null, null, null, null,
					Money.of(rs.getBigDecimal("exposure")));
			count[0]++;
		});
		return tally.result(REVIEW, count[0], start);
	}

	private String interval(Map<String, DmnDecision> decisions, VariableMap inputs) {
		DmnDecisionResult result = dmn.get().evaluateDecision(decisions.get(REVIEW), inputs);
		if (result.isEmpty()) {
			return "—";
		}
		Map<String, Object> row = result.get(0).getEntryMap();
		return "复核 review " + row.get("reviewIntervalMonths") + " · 有效 valid " + row.get("limitValidityMonths");
	}

	/** Every latest proposal: the policy exceptions it raises. */
	private Simulation exceptions(Map<String, DmnDecision> live, Map<String, DmnDecision> candidate,
			Map<String, DmnDecision> review, long start) {
		Tally tally = new Tally();
		int[] count = { 0 };
		jdbc.query(PROPOSALS, rs -> {
			boolean key = "A".equals(rs.getString("key_account_class"));
			DmnDecisionResult validity = dmn.get().evaluateDecision(review.get(REVIEW), Variables.createVariables()
				.putValue("creditGrade", rs.getString("credit_grade"))
				.putValue("keyAccount", key));
			Object months = validity.isEmpty() ? 0 : validity.get(0).getEntryMap().get("limitValidityMonths");
			VariableMap inputs = Variables.createVariables()
				.putValue("proposedLimit", rs.getBigDecimal("proposed_limit").doubleValue())
				.putValue("proposedTermMonths", rs.getInt("proposed_term_months"))
				.putValue("suggestedLimit", rs.getBigDecimal("suggested_limit").doubleValue())
				.putValue("netWorth", rs.getBigDecimal("net_worth").doubleValue())
				.putValue("limitValidityMonths", months);
			tally.add(rs.getLong("customer_id"), rs.getString("name"), rs.getString("key_account_class"),
					exceptionCodes(live, inputs), exceptionCodes(candidate, inputs), null, null, null, null,
					Money.of(rs.getBigDecimal("exposure")));
			count[0]++;
		});
		return tally.result(EXCEPTIONS, count[0], start);
	}

	private String exceptionCodes(Map<String, DmnDecision> decisions, VariableMap inputs) {
		java.util.SortedSet<String> codes = new java.util.TreeSet<>();
		dmn.get().evaluateDecision(decisions.get(EXCEPTIONS), inputs).forEach(row -> codes.add(String.valueOf(row.get("exception"))));
		return codes.isEmpty() ? "无例外 none" : String.join(" + ", codes);
	}

	/** Every customer ranked by its last 12 months' credit sales (as the morning's run ranks them): its class. */
	private Simulation keyAccounts(Map<String, DmnDecision> live, Map<String, DmnDecision> candidate, long start) {
		record Ranked(long id, String name, String current, BigDecimal sales, BigDecimal exposure) {
		}
		List<Ranked> ranked = jdbc.query(RANKED, (rs, n) -> new Ranked(rs.getLong("customer_id"), rs.getString("name"),
				rs.getString("key_account_class"), Money.of(rs.getBigDecimal("sales")), Money.of(rs.getBigDecimal("exposure"))),
				java.sql.Date.valueOf(com.creditdesk.system.BusinessClock.today().minusMonths(12)),
				java.sql.Date.valueOf(com.creditdesk.system.BusinessClock.today()));
		BigDecimal total = ranked.stream().map(Ranked::sales).reduce(BigDecimal.ZERO, BigDecimal::add);
		Tally tally = new Tally();
		BigDecimal before = BigDecimal.ZERO;
		for (Ranked customer : ranked) {
			double shareBefore = total.signum() == 0 ? 1.0
					: before.divide(total, 10, java.math.RoundingMode.HALF_UP).doubleValue();
			VariableMap inputs = Variables.createVariables()
				.putValue("creditSales", customer.sales().doubleValue())
				.putValue("shareBefore", shareBefore);
			tally.add(customer.id(), customer.name(), customer.current(),
					String.valueOf((Object) dmn.get().evaluateDecision(live.get(KEY_ACCOUNTS), inputs).getSingleEntry()),
					String.valueOf((Object) dmn.get().evaluateDecision(candidate.get(KEY_ACCOUNTS), inputs).getSingleEntry()),
					null, null,
					null, null, customer.exposure());
			before = before.add(customer.sales());
		}
		return tally.result(KEY_ACCOUNTS, ranked.size(), start);
	}

	private static BigDecimal zero() {
		return Money.of(BigDecimal.ZERO);
	}

	/** Adds the customers up. */
	private static final class Tally {

		private final Map<String, Map<String, Long>> migration = new LinkedHashMap<>();

		private final TreeSet<String> grades = new TreeSet<>(Tally::byGrade);

		private final List<CustomerChange> changes = new ArrayList<>();

		private int gradesChanged;

		private int limitsChanged;

		private int chainsChanged;

		private int above;

		private int keyAccounts;

		private BigDecimal totalBefore = zero();

		private BigDecimal totalAfter = zero();

		private BigDecimal exposureAbove = zero();

		/** AAA, AA, A, B, C; other labels after, alphabetically. */
		private static int byGrade(String a, String b) {
			List<String> order = List.of("AAA", "AA", "A", "B", "C");
			int i = order.indexOf(a);
			int j = order.indexOf(b);
			if (i >= 0 && j >= 0) {
				return Integer.compare(i, j);
			}
			if (i >= 0 || j >= 0) {
				return i >= 0 ? -1 : 1;
			}
			return a.compareTo(b);
		}

		void add(long customerId, String name, String keyAccountClass, String gradeBefore, String gradeAfter,
				BigDecimal limitBefore, BigDecimal limitAfter, String chainBefore, String chainAfter, BigDecimal exposure) {
			if (gradeBefore != null) {
				grades.add(gradeBefore);
				grades.add(gradeAfter);
				migration.computeIfAbsent(gradeBefore, g -> new LinkedHashMap<>()).merge(gradeAfter, 1L, Long::sum);
			}
			boolean gradeChanged = !Objects.equals(gradeBefore, gradeAfter);
			boolean limitChanged = limitBefore != null && limitBefore.compareTo(limitAfter) != 0;
			boolean chainChanged = !Objects.equals(chainBefore, chainAfter);
			if (limitBefore != null && limitAfter != null) {
				totalBefore = totalBefore.add(limitBefore);
				totalAfter = totalAfter.add(limitAfter);
				if (exposure.compareTo(limitAfter) > 0 && limitChanged) {
					above++;
					exposureAbove = exposureAbove.add(exposure.subtract(limitAfter));
				}
			}
			gradesChanged += gradeChanged ? 1 : 0;
			limitsChanged += limitChanged ? 1 : 0;
			chainsChanged += chainChanged ? 1 : 0;
			if (gradeChanged || limitChanged || chainChanged) {
				keyAccounts += "A".equals(keyAccountClass) ? 1 : 0;
				changes.add(new CustomerChange(customerId, name, keyAccountClass, gradeBefore, gradeAfter, limitBefore,
						limitAfter, chainBefore, chainAfter, exposure));
			}
		}

		Simulation result(String key, int files, long start) {
			List<String> labels = new ArrayList<>(grades);
			long[][] matrix = new long[labels.size()][labels.size()];
			for (int i = 0; i < labels.size(); i++) {
				Map<String, Long> row = migration.getOrDefault(labels.get(i), Map.of());
				for (int j = 0; j < labels.size(); j++) {
					matrix[i][j] = row.getOrDefault(labels.get(j), 0L);
				}
			}
			changes.sort(java.util.Comparator.comparing(CustomerChange::exposure).reversed()
				.thenComparingLong(CustomerChange::customerId));
			return new Simulation(key, RESULT_LABELS.get(key), true, null, files, (System.nanoTime() - start) / 1_000_000,
					labels, matrix, gradesChanged, limitsChanged, chainsChanged, totalBefore, totalAfter, above,
					exposureAbove, keyAccounts, changes);
		}

	}

}
