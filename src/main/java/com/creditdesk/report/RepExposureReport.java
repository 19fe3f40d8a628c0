package com.creditdesk.report;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.creditdesk.identity.CurrentUser;
import com.creditdesk.system.BusinessClock;
import com.creditdesk.system.Labels;
import com.creditdesk.system.Money;

/**
 * Exposure and liability per rep (承办人责任): for each rep her customers, how many of them buy on credit, the limits
 * granted them, what they owe today (of which overdue), what was written off, and the bad-debt liabilities charged
 * to her; an approver charged a share of a written-off debt appears with that liability. Added up per customer
 * region and in total. Open and overdue are the receivables report's own ({@link AgingService#openAmounts}, overdue
 * when due before today), so the total equals that report's for the same person. Reps see their own line;
 * managers and credit administrators everyone's.
 */
@Service
class RepExposureReport {

	/** What a person reads for customers without a region. */
	static final String NO_REGION = "未填地区 No region";

	private final NamedParameterJdbcTemplate jdbc;

	private final Labels labels;

	RepExposureReport(NamedParameterJdbcTemplate jdbc, Labels labels) {
		this.jdbc = jdbc;
		this.labels = labels;
	}

	/**
	 * One person's line.
	 * @param creditCustomers customers that may buy on credit today: active, with a limit that has not expired
	 * @param keyAccounts how many of her customers are key accounts (重点客户, class A)
	 * @param limits the credit limits of all her customers
	 * @param temporaryIncreases the temporary limit increases in force today on top of those limits
	 * @param exposure the open receivables of her customers
	 * @param overdue the part of the exposure due before today
	 * @param writtenOff what was written off of her customers' invoices
	 * @param liability the bad-debt liabilities charged to her, as rep and as approver
	 * @param approverLiability the part of the liability charged to her as the approver of a limit
	 */
	record RepLine(String repId, String repName, long customers, long creditCustomers, long keyAccounts,
			BigDecimal limits, BigDecimal temporaryIncreases, BigDecimal exposure, BigDecimal overdue, BigDecimal writtenOff, BigDecimal liability,
			BigDecimal approverLiability) {
	}

	/**
	 * The same sums for the customers of one region (the liabilities by the region of the written-off invoice's
	 * customer).
	 * @param region as recorded on the customer; {@code null} when none is
	 * @param regionName what a person reads
	 */
	record RegionLine(String region, String regionName, long customers, long creditCustomers, long keyAccounts,
			BigDecimal limits, BigDecimal temporaryIncreases, BigDecimal exposure, BigDecimal overdue, BigDecimal writtenOff, BigDecimal liability,
			BigDecimal approverLiability) {
	}

	record Totals(long customers, long creditCustomers, long keyAccounts, BigDecimal limits,
			BigDecimal temporaryIncreases, BigDecimal exposure, BigDecimal overdue,
			BigDecimal writtenOff, BigDecimal liability, BigDecimal approverLiability) {
	}

	/**
	 * @param asOf today, the day exposure and overdue are computed for
	 * @param rows one per person, largest exposure first
	 * @param regions one per customer region, largest exposure first
	 * @param totals all rows added up (equally, all regions)
	 */
	record Report(LocalDate asOf, List<RepLine> rows, List<RegionLine> regions, Totals totals) {
	}

	/** Where a customer may buy on credit on the day: active, with a limit that has not expired. */
	private static final String ON_CREDIT = """
			c.status = 'ACTIVE' AND c.credit_limit > 0 AND (c.limit_valid_until IS NULL OR c.limit_valid_until >= :asOf)""";

	/** Customers, those on credit, key accounts and their limits, per rep and region. */
	private static final String CUSTOMERS = """
			SELECT c.responsible_rep AS person, coalesce(c.region, '') AS region, count(*) AS customers,
			       sum(CASE WHEN %s THEN 1 ELSE 0 END) AS on_credit,
			       sum(CASE WHEN c.key_account_class = 'A' THEN 1 ELSE 0 END) AS key_accounts,
			       sum(c.credit_limit) AS limits
			FROM customer_directory c
			WHERE 1 = 1%s
			GROUP BY c.responsible_rep, coalesce(c.region, '')
			""";

	/**
	 * The temporary increases in force today, per rep and region: approved, within their dates, on top of the limit
	 * they were asked on (the credit check's rule), for customers that buy on credit.
	 */
	private static final String TEMPORARY = """
			SELECT c.responsible_rep AS person, coalesce(c.region, '') AS region, sum(t.amount) AS temporary_increases
			FROM customer_temporary_limits t JOIN customer_directory c ON c.id = t.customer_id
			WHERE t.status = 'APPROVED' AND t.valid_from <= :asOf AND t.valid_until >= :asOf
			  AND t.base_decision_id IS NOT DISTINCT FROM c.limit_decision_id AND %s%s
			GROUP BY c.responsible_rep, coalesce(c.region, '')
			""";

	/**
	 * The receivables report's open amounts and its overdue (every days bucket after "current": due before the day),
	 * per rep and region.
	 */
	private static final String OPEN = """
			SELECT c.responsible_rep AS person, coalesce(c.region, '') AS region, sum(o.open_amount) AS exposure,
			       sum(CASE WHEN o.due_date < :asOf THEN o.open_amount ELSE 0 END) AS overdue
			FROM (%s) o JOIN customer_directory c ON c.id = o.customer_id
			WHERE o.open_amount > 0%s
			GROUP BY c.responsible_rep, coalesce(c.region, '')
			""";

	/** What was written off of the customers' invoices, per rep and region. */
	private static final String WRITTEN_OFF = """
			SELECT c.responsible_rep AS person, coalesce(c.region, '') AS region, sum(r.written_off_amount) AS written_off
			FROM receivable_items r JOIN customer_directory c ON c.id = r.customer_id
			WHERE r.written_off_amount > 0%s
			GROUP BY c.responsible_rep, coalesce(c.region, '')
			""";

	/** The liabilities per person charged, by the region of the written-off invoice's customer. */
	private static final String LIABILITIES = """
			SELECT l.person AS person, coalesce(c.region, '') AS region, sum(l.amount) AS liability,
			       sum(CASE WHEN l.role = 'APPROVER' THEN l.amount ELSE 0 END) AS as_approver
			FROM collection_liabilities l
			JOIN receivable_items r ON r.id = l.receivable_id
			JOIN customer_directory c ON c.id = r.customer_id
			WHERE 1 = 1%s
			GROUP BY l.person, coalesce(c.region, '')
			""";

	@Transactional(readOnly = true)
	Report report(CurrentUser user) {
		LocalDate today = BusinessClock.today();
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("asOf", Date.valueOf(today));
		String visible = AgingService.visibility(user, params);
		Sums sums = new Sums();
		jdbc.query(CUSTOMERS.formatted(ON_CREDIT, visible), params, rs -> {
			sums.add(rs, (row, s) -> {
				s.customers += row.getLong("customers");
				s.creditCustomers += row.getLong("on_credit");
				s.keyAccounts += row.getLong("key_accounts");
				s.limits = s.limits.add(amount(row, "limits"));
			});
		});
		jdbc.query(TEMPORARY.formatted(ON_CREDIT, visible), params, rs -> {
			sums.add(rs, (row, s) -> s.temporaryIncreases = s.temporaryIncreases.add(amount(row, "temporary_increases")));
		});
		jdbc.query(OPEN.formatted(AgingService.openAmounts(today), visible), params, rs -> {
			sums.add(rs, (row, s) -> {
				s.exposure = s.exposure.add(amount(row, "exposure"));
				s.overdue = s.overdue.add(amount(row, "overdue"));
			});
		});
		jdbc.query(WRITTEN_OFF.formatted(visible), params, rs -> {
			sums.add(rs, (row, s) -> s.writtenOff = s.writtenOff.add(amount(row, "written_off")));
		});
		// a liability stays the person's wherever the customer went since: a rep sees her own (as KpiService shows them)
		String ownOnly = "";
		if (!user.seesAllCustomers()) {
			params.addValue("person", user.id());
			ownOnly = " AND l.person = :person";
		}
		jdbc.query(LIABILITIES.formatted(ownOnly), params, rs -> {
			sums.add(rs, (row, s) -> {
				s.liability = s.liability.add(amount(row, "liability"));
				s.approverLiability = s.approverLiability.add(amount(row, "as_approver"));
			});
		});

		List<RepLine> rows = sums.byPerson.entrySet()
			.stream()
			.map(e -> e.getValue().rep(e.getKey(), labels.person(e.getKey())))
			.sorted(Comparator.comparing(RepLine::exposure)
				.reversed()
				.thenComparing(Comparator.comparing(RepLine::liability).reversed())
				.thenComparing(RepLine::repId))
			.toList();
		List<RegionLine> regions = sums.byRegion.entrySet()
			.stream()
			.map(e -> e.getValue().region(e.getKey()))
			.sorted(Comparator.comparing(RegionLine::exposure)
				.reversed()
				.thenComparing(Comparator.comparing(RegionLine::liability).reversed())
				.thenComparing(RegionLine::regionName))
			.toList();
		return new Report(today, rows, regions, sums.total.totals());
	}

	private static BigDecimal amount(ResultSet rs, String column) throws SQLException {
		BigDecimal value = rs.getBigDecimal(column);
		return value == null ? zero() : Money.of(value);
	}

	private static BigDecimal zero() {
		return Money.of(BigDecimal.ZERO);
	}

	/** What one result row adds to a sum. */
	@FunctionalInterface
	private interface Contribution {

		void addTo(ResultSet row, Sum sum) throws SQLException;

	}

	/** The sums per person, per region and in total; a result row adds to its person's, its region's and the total. */
	private static final class Sums {

		private final Map<String, Sum> byPerson = new HashMap<>();

		private final Map<String, Sum> byRegion = new HashMap<>();

		private final Sum total = new Sum();

		void add(ResultSet row, Contribution contribution) throws SQLException {
			contribution.addTo(row, byPerson.computeIfAbsent(row.getString("person"), key -> new Sum()));
			contribution.addTo(row, byRegion.computeIfAbsent(row.getString("region"), key -> new Sum()));
			contribution.addTo(row, total);
		}

	}

	/** The sums of one person, one region or everything. */
	private static final class Sum {

		private long customers;

		private long creditCustomers;

		private long keyAccounts;

		private BigDecimal limits = zero();

		private BigDecimal temporaryIncreases = zero();

		private BigDecimal exposure = zero();

		private BigDecimal overdue = zero();

		private BigDecimal writtenOff = zero();

		private BigDecimal liability = zero();

		private BigDecimal approverLiability = zero();

		RepLine rep(String repId, String repName) {
			return new RepLine(repId, repName, customers, creditCustomers, keyAccounts, limits, temporaryIncreases,
					exposure, overdue, writtenOff, liability, approverLiability);
		}

		RegionLine region(String region) {
			return new RegionLine(region.isEmpty() ? null : region, region.isEmpty() ? NO_REGION : region, customers,
					creditCustomers, keyAccounts, limits, temporaryIncreases, exposure, overdue, writtenOff, liability,
					approverLiability);
		}

		Totals totals() {
			return new Totals(customers, creditCustomers, keyAccounts, limits, temporaryIncreases, exposure, overdue,
					writtenOff, liability, approverLiability);
		}

	}

}
