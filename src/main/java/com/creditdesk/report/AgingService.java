package com.creditdesk.report;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.creditdesk.identity.CurrentUser;
import com.creditdesk.system.BusinessClock;
import com.creditdesk.system.InvalidRequestException;
import com.creditdesk.system.Messages;

/**
 * Computes the aging in the database (one aggregate query), so it answers over a million open receivables in
 * well under a second: the open amount as of the date is the invoice amount less what payments and credit notes
 * dated up to then settled (an invoice written off later still counts as open then). Reps see their own customers; managers and administrators all.
 */
@Service
public class AgingService {

	private static final Map<String, String> GROUPS = Map.of("customer", "c.id", "rep", "c.responsible_rep",
			"region", "coalesce(c.region, '')", "keyAccount", "coalesce(c.key_account_class, '-')", "total", "'total'");

	private static final Map<String, String> LABELS = Map.of("customer", "min(c.name)", "rep", "c.responsible_rep",
			"region", "coalesce(c.region, '')", "keyAccount", "coalesce(c.key_account_class, '-')", "total",
			"'All customers'");

	/** The 80/20 classes a report may be filtered by (A = key accounts, 重点客户). */
	static final java.util.List<String> KEY_ACCOUNT_CLASSES = java.util.List.of("A", "B", "C");

	private final NamedParameterJdbcTemplate jdbc;

	AgingService(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The open amount of each invoice as of the date, for the customers the user may see. */
	static final String OPEN_AS_OF = """
			SELECT r.id, r.customer_id, r.invoice_number, r.invoice_date, r.due_date, r.amount,
			       r.amount - coalesce(s.settled, 0) AS open_amount
			FROM receivable_items r
			LEFT JOIN (SELECT a.receivable_id, sum(a.amount) AS settled
			           FROM receivable_settlements a
			           WHERE a.settled_on <= :asOf
			           GROUP BY a.receivable_id) s ON s.receivable_id = r.id
			WHERE r.invoice_date <= :asOf
			  AND (r.written_off_at IS NULL OR CAST(r.written_off_at AS DATE) > :asOf)
			""";

	/**
	 * Today (or later) the ledger's own open amounts are the answer: no need to undo payments, which makes the
	 * everyday report as cheap as a plain aggregation.
	 */
	static final String OPEN_NOW = """
			SELECT r.id, r.customer_id, r.invoice_number, r.invoice_date, r.due_date, r.amount, r.open_amount
			FROM receivable_items r
			WHERE r.status = 'OPEN'
			""";

	static String openAmounts(LocalDate asOf) {
		return asOf.isBefore(BusinessClock.today()) ? OPEN_AS_OF : OPEN_NOW;
	}

	/**
	 * One pass over the open amounts: each invoice falls into one days bucket and one year bucket, so the database
	 * sums one amount per (customer, days bucket, year bucket) and CreditDesk pivots the few result rows into the
	 * report. (Eleven conditional sums per invoice, the obvious SQL, cost PostgreSQL over twice as much.)
	 */
	private static final String BUCKETED = """
			SELECT b.customer_id, b.d, b.y, sum(b.open_amount) AS amount, count(*) AS invoices
			FROM (SELECT o.customer_id, o.open_amount,
			        CASE WHEN o.due_date >= :asOf THEN 0 WHEN o.due_date >= :d30 THEN 1 WHEN o.due_date >= :d60 THEN 2
			             WHEN o.due_date >= :d90 THEN 3 WHEN o.due_date >= :d180 THEN 4 ELSE 5 END AS d,
			        CASE WHEN o.invoice_date >= :y0 THEN 0 WHEN o.invoice_date >= :y1 THEN 1
			             WHEN o.invoice_date >= :y2 THEN 2 ELSE 3 END AS y
			      FROM (%s) o WHERE o.open_amount > 0%s) b
			GROUP BY b.customer_id, b.d, b.y
			""";

	@Transactional(readOnly = true)
	public AgingReport aging(LocalDate asOf, String groupBy, boolean onlyVanishedOrHold, String keyAccountClass,
			CurrentUser user) {
		String group = GROUPS.get(groupBy);
		if (group == null) {
			throw new InvalidRequestException(Messages.text("report.groupByUnknown", GROUPS.keySet().toString()));
		}
		if (keyAccountClass != null && !KEY_ACCOUNT_CLASSES.contains(keyAccountClass)) {
			String message = Messages.text("keyAccount.unknownClass", keyAccountClass);
			throw new InvalidRequestException(message, Map.of("keyAccountClass", message));
		}
		MapSqlParameterSource params = parameters(asOf, user);
		StringBuilder customers = new StringBuilder();
		if (!user.seesAllCustomers()) {
			params.addValue("rep", user.id());
			customers.append(" AND o.customer_id IN (SELECT id FROM customer_directory WHERE responsible_rep = :rep)");
		}
		if (onlyVanishedOrHold) {
			customers.append(" AND o.customer_id IN (SELECT id FROM customer_directory WHERE status IN ('VANISHED', 'CREDIT_HOLD'))");
		}
		if (keyAccountClass != null) {
			params.addValue("keyAccountClass", keyAccountClass);
			customers.append(" AND o.customer_id IN (SELECT id FROM customer_directory WHERE key_account_class = :keyAccountClass)");
		}
		String sql = "SELECT a.d, a.y, a.amount, a.invoices, " + group + " AS group_key, "
				+ LABELS.get(groupBy).replace("min(c.name)", "c.name") + " AS label, "
				+ ("customer".equals(groupBy) ? "c.status" : "''") + " AS flags FROM ("
				+ BUCKETED.formatted(openAmounts(asOf), customers) + ") a JOIN customer_directory c ON c.id = a.customer_id";
		Map<String, Accumulator> groups = new java.util.HashMap<>();
		jdbc.query(sql, params, rs -> {
			groups.computeIfAbsent(rs.getString("group_key"), key -> {
				try {
					return new Accumulator(key, rs.getString("label"), rs.getString("flags"));
				}
				catch (java.sql.SQLException e) {
					throw new IllegalStateException(e);
				}
			}).add(rs.getInt("d"), rs.getInt("y"), rs.getBigDecimal("amount"), rs.getLong("invoices"));
		});
		List<AgingReport.Row> rows = groups.values()
			.stream()
			.map(Accumulator::row)
			.sorted(java.util.Comparator.comparing(AgingReport.Row::open).reversed().thenComparing(AgingReport.Row::key))
			.toList();
		return new AgingReport(asOf, groupBy, rows, total(rows));
	}

	/** Adds up one group's bucketed amounts. */
	private static final class Accumulator {

		private final String key;

		private final String label;

		private final String flags;

		private final BigDecimal[] days = new BigDecimal[6];

		private final BigDecimal[] years = new BigDecimal[4];

		private long invoices;

		Accumulator(String key, String label, String flags) {
			this.key = key;
			this.label = label;
			this.flags = flags;
			java.util.Arrays.fill(days, BigDecimal.ZERO);
			java.util.Arrays.fill(years, BigDecimal.ZERO);
		}

		void add(int day, int year, BigDecimal amount, long count) {
			days[day] = days[day].add(amount);
			years[year] = years[year].add(amount);
			invoices += count;
		}

		AgingReport.Row row() {
			BigDecimal open = java.util.Arrays.stream(days).reduce(BigDecimal.ZERO, BigDecimal::add);
			return new AgingReport.Row(key, label, flags, money(open),
					java.util.Arrays.stream(days).map(AgingService::money).toList(),
					java.util.Arrays.stream(years).map(AgingService::money).toList(), invoices);
		}

	}

	/** One invoice in a drill-down. */
	public record AgingInvoice(long receivableId, long customerId, String customerName, String invoiceNumber,
			LocalDate invoiceDate, LocalDate dueDate, BigDecimal amount, BigDecimal openAmount, long daysOverdue,
			String bucket) {
	}

	/** The invoices behind one bucket (or all), optionally of one customer, oldest due first. */
	@Transactional(readOnly = true)
	public List<AgingInvoice> invoices(LocalDate asOf, String bucket, Long customerId, CurrentUser user) {
		if (bucket != null && !AgingReport.BUCKETS.contains(bucket)) {
			throw new InvalidRequestException(Messages.text("report.bucketUnknown", AgingReport.BUCKETS.toString()));
		}
		MapSqlParameterSource params = parameters(asOf, user);
		StringBuilder sql = new StringBuilder("SELECT o.*, c.name AS customer_name FROM (").append(openAmounts(asOf))
			.append(") o JOIN customer_directory c ON c.id = o.customer_id WHERE o.open_amount > 0").append(visibility(user, params));
		if (customerId != null) {
			sql.append(" AND c.id = :customerId");
			params.addValue("customerId", customerId);
		}
		sql.append(" ORDER BY o.due_date, o.id");
		List<AgingInvoice> all = jdbc.query(sql.toString(), params, (rs, i) -> {
			LocalDate due = rs.getDate("due_date").toLocalDate();
			long days = java.time.temporal.ChronoUnit.DAYS.between(due, asOf);
			return new AgingInvoice(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("customer_name"),
					rs.getString("invoice_number"), rs.getDate("invoice_date").toLocalDate(), due,
					money(rs.getBigDecimal("amount")), money(rs.getBigDecimal("open_amount")), Math.max(0, days),
					bucketOf(days));
		});
		return bucket == null ? all : all.stream().filter(inv -> inv.bucket().equals(bucket)).toList();
	}

	static String bucketOf(long daysOverdue) {
		if (daysOverdue <= 0) {
			return "current";
		}
		if (daysOverdue <= 30) {
			return "1-30";
		}
		if (daysOverdue <= 60) {
			return "31-60";
		}
		if (daysOverdue <= 90) {
			return "61-90";
		}
		return daysOverdue <= 180 ? "91-180" : "over180";
	}

	private static MapSqlParameterSource parameters(LocalDate asOf, CurrentUser user) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		params.addValue("asOf", Date.valueOf(asOf));
		for (int days : new int[] { 30, 60, 90, 180 }) {
			params.addValue("d" + days, Date.valueOf(asOf.minusDays(days)));
		}
		LocalDate january = asOf.withDayOfYear(1);
		for (int y = 0; y < 3; y++) {
			params.addValue("y" + y, Date.valueOf(january.minusYears(y)));
		}
		return params;
	}

	static String visibility(CurrentUser user, MapSqlParameterSource params) {
		if (user.seesAllCustomers()) {
			return "";
		}
		params.addValue("rep", user.id());
		return " AND c.responsible_rep = :rep";
	}

	private static BigDecimal money(BigDecimal value) {
		return (value == null ? BigDecimal.ZERO : value).setScale(2, java.math.RoundingMode.HALF_UP);
	}

	private static AgingReport.Row total(List<AgingReport.Row> rows) {
		List<BigDecimal> days = new ArrayList<>(java.util.Collections.nCopies(6, money(BigDecimal.ZERO)));
		List<BigDecimal> years = new ArrayList<>(java.util.Collections.nCopies(4, money(BigDecimal.ZERO)));
		BigDecimal open = money(BigDecimal.ZERO);
		long invoices = 0;
		for (AgingReport.Row row : rows) {
			open = open.add(row.open());
			invoices += row.invoices();
			for (int i = 0; i < 6; i++) {
				days.set(i, days.get(i).add(row.byDays().get(i)));
			}
			for (int i = 0; i < 4; i++) {
				years.set(i, years.get(i).add(row.byYear().get(i)));
			}
		}
		return new AgingReport.Row("total", "All", "", open, List.copyOf(days), List.copyOf(years), invoices);
	}

}
