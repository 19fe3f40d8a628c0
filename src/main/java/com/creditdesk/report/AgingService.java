package com.creditdesk.report;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.creditdesk.identity.CurrentUser;
import com.creditdesk.system.BusinessClock;
import com.creditdesk.system.InvalidRequestException;

/**
 * Computes the aging in the database (one aggregate query), so it answers over a million open receivables in
 * well under a second: the open amount as of the date is the invoice amount less what payments and credit notes
 * dated up to then settled (an invoice written off later still counts as open then). Reps see their own customers; managers and administrators all.
 */
@Service
public class AgingService {

	private static final Map<String, String> GROUPS = Map.of("customer", "c.id", "rep", "c.responsible_rep",
			"region", "coalesce(c.region, '')", "total", "'total'");

	private static final Map<String, String> LABELS = Map.of("customer", "min(c.name)", "rep", "c.responsible_rep",
			"region", "coalesce(c.region, '')", "total", "'All customers'");

	private final NamedParameterJdbcTemplate jdbc;

	AgingService(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The open amount of each invoice as of the date, for the customers the user may see. */
	static final String OPEN_AS_OF = """
			SELECT r.id, r.customer_id, r.invoice_number, r.invoice_date, r.due_date, r.amount,
			       r.amount - coalesce(s.settled, 0) AS open_amount
			FROM receivable r
			LEFT JOIN (SELECT a.receivable_id, sum(a.amount) AS settled
			           FROM payment_allocation a
			           LEFT JOIN payment p ON p.id = a.payment_id
			           LEFT JOIN credit_note n ON n.id = a.credit_note_id
			           WHERE coalesce(p.payment_date, n.note_date) <= :asOf
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
			FROM receivable r
			WHERE r.status = 'OPEN'
			""";

	static String openAmounts(LocalDate asOf) {
		return asOf.isBefore(BusinessClock.today()) ? OPEN_AS_OF : OPEN_NOW;
	}

	@Transactional(readOnly = true)
	public AgingReport aging(LocalDate asOf, String groupBy, boolean onlyVanishedOrHold, CurrentUser user) {
		String group = GROUPS.get(groupBy);
		if (group == null) {
			throw new InvalidRequestException("groupBy must be one of " + GROUPS.keySet() + ".");
		}
		MapSqlParameterSource params = parameters(asOf, user);
		StringBuilder sql = new StringBuilder("SELECT ").append(group).append(" AS group_key, ")
			.append(LABELS.get(groupBy)).append(" AS label, ");
		sql.append("customer".equals(groupBy) ? "min(c.status)" : "''").append(" AS flags, ");
		sql.append("sum(o.open_amount) AS open_total, count(*) AS invoices, ");
		sql.append("sum(CASE WHEN o.due_date >= :asOf THEN o.open_amount ELSE 0 END) AS d0, ");
		sql.append("sum(CASE WHEN o.due_date < :asOf AND o.due_date >= :d30 THEN o.open_amount ELSE 0 END) AS d1, ");
		sql.append("sum(CASE WHEN o.due_date < :d30 AND o.due_date >= :d60 THEN o.open_amount ELSE 0 END) AS d2, ");
		sql.append("sum(CASE WHEN o.due_date < :d60 AND o.due_date >= :d90 THEN o.open_amount ELSE 0 END) AS d3, ");
		sql.append("sum(CASE WHEN o.due_date < :d90 AND o.due_date >= :d180 THEN o.open_amount ELSE 0 END) AS d4, ");
		sql.append("sum(CASE WHEN o.due_date < :d180 THEN o.open_amount ELSE 0 END) AS d5, ");
		sql.append("sum(CASE WHEN o.invoice_date >= :y0 THEN o.open_amount ELSE 0 END) AS y0, ");
		sql.append("sum(CASE WHEN o.invoice_date < :y0 AND o.invoice_date >= :y1 THEN o.open_amount ELSE 0 END) AS y1, ");
		sql.append("sum(CASE WHEN o.invoice_date < :y1 AND o.invoice_date >= :y2 THEN o.open_amount ELSE 0 END) AS y2, ");
		sql.append("sum(CASE WHEN o.invoice_date < :y2 THEN o.open_amount ELSE 0 END) AS y3 ");
		sql.append("FROM (").append(openAmounts(asOf)).append(") o JOIN customer c ON c.id = o.customer_id ");
		sql.append("WHERE o.open_amount > 0").append(visibility(user, params));
		if (onlyVanishedOrHold) {
			sql.append(" AND c.status IN ('VANISHED', 'CREDIT_HOLD')");
		}
		sql.append(" GROUP BY ").append(group).append(" ORDER BY open_total DESC");
		List<AgingReport.Row> rows = jdbc.query(sql.toString(), params, (rs, i) -> new AgingReport.Row(
				rs.getString("group_key"), rs.getString("label"), rs.getString("flags"), money(rs.getBigDecimal("open_total")),
				IntStream.range(0, 6).mapToObj(b -> money(bd(rs, "d" + b))).toList(),
				IntStream.range(0, 4).mapToObj(y -> money(bd(rs, "y" + y))).toList(), rs.getLong("invoices")));
		return new AgingReport(asOf, groupBy, rows, total(rows));
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
			throw new InvalidRequestException("bucket must be one of " + AgingReport.BUCKETS + ".");
		}
		MapSqlParameterSource params = parameters(asOf, user);
		StringBuilder sql = new StringBuilder("SELECT o.*, c.name AS customer_name FROM (").append(openAmounts(asOf))
			.append(") o JOIN customer c ON c.id = o.customer_id WHERE o.open_amount > 0").append(visibility(user, params));
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

	private static BigDecimal bd(java.sql.ResultSet rs, String column) {
		try {
			return rs.getBigDecimal(column);
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException(e);
		}
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
