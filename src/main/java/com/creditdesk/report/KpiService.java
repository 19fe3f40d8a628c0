package com.creditdesk.report;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.creditdesk.identity.CurrentUser;
import com.creditdesk.system.InvalidRequestException;
import com.creditdesk.system.Messages;
import com.creditdesk.system.Money;

/** Computes the receivables KPIs in the database, for the customers the user may see. */
@Service
public class KpiService {

	private final NamedParameterJdbcTemplate jdbc;

	KpiService(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Kpis kpis(LocalDate from, LocalDate to, CurrentUser user) {
		if (from == null || to == null || from.isAfter(to)) {
			throw new InvalidRequestException(Messages.text("report.periodReversed", String.valueOf(from),
					String.valueOf(to)));
		}
		long days = ChronoUnit.DAYS.between(from, to) + 1;
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("from", Date.valueOf(from))
			.addValue("to", Date.valueOf(to))
			.addValue("fromTime", Timestamp.valueOf(from.atStartOfDay()))
			.addValue("afterTime", Timestamp.valueOf(to.plusDays(1).atStartOfDay()));
		String visible = AgingService.visibility(user, params);
		BigDecimal[] beginning = open(from.minusDays(1), visible, params);
		BigDecimal[] ending = open(to, visible, params);
		BigDecimal sales = Money.of(jdbc.queryForObject("SELECT coalesce(sum(r.amount), 0) FROM receivable_items r"
				+ " JOIN customer_directory c ON c.id = r.customer_id WHERE r.invoice_date BETWEEN :from AND :to" + visible, params,
				BigDecimal.class));
		BigDecimal endingOverdue = ending[0].subtract(ending[1]);

		List<Kpis.CustomerUtilisation> customers = jdbc.query("""
				SELECT c.id, c.name, c.credit_grade, c.credit_limit,
				       coalesce(e.open_receivables, 0) + coalesce(e.reserved, 0) AS exposure
				FROM customer_directory c LEFT JOIN receivable_exposures e ON e.customer_id = c.id
				WHERE c.credit_limit > 0""" + visible + " ORDER BY c.id", params,
				(rs, i) -> {
					BigDecimal limit = Money.of(rs.getBigDecimal(4));
					BigDecimal exposure = Money.of(rs.getBigDecimal(5));
					return new Kpis.CustomerUtilisation(rs.getLong(1), rs.getString(2), rs.getString(3), limit, exposure,
							KpiFormulas.percent(exposure, limit));
				});
		BigDecimal limits = customers.stream().map(Kpis.CustomerUtilisation::limit).reduce(Money.of(BigDecimal.ZERO), BigDecimal::add);
		BigDecimal exposure = customers.stream().map(Kpis.CustomerUtilisation::exposure).reduce(Money.of(BigDecimal.ZERO), BigDecimal::add);
		List<Kpis.CustomerUtilisation> top = customers.stream()
			.sorted((a, b) -> b.utilisation().compareTo(a.utilisation()))
			.limit(20)
			.toList();

		List<Kpis.GradeCount> grades = jdbc.query("SELECT coalesce(c.credit_grade, '-') g, count(*), sum(c.credit_limit)"
				+ " FROM customer_directory c WHERE c.status NOT IN ('PROSPECT', 'WITHDRAWN')" + visible + " GROUP BY coalesce(c.credit_grade, '-') ORDER BY 1",
				params, (rs, i) -> new Kpis.GradeCount(rs.getString(1), rs.getLong(2), Money.of(rs.getBigDecimal(3))));
		List<Kpis.RepLosses> writeOffs = jdbc.query("SELECT r.responsible_rep, count(*), sum(r.written_off_amount)"
				+ " FROM receivable_items r JOIN customer_directory c ON c.id = r.customer_id"
				+ " WHERE r.written_off_at >= :fromTime AND r.written_off_at < :afterTime" + visible
				+ " GROUP BY r.responsible_rep ORDER BY 3 DESC", params,
				(rs, i) -> new Kpis.RepLosses(rs.getString(1), rs.getLong(2), Money.of(rs.getBigDecimal(3))));
		String ownOnly = user.seesAllCustomers() ? "" : " AND l.person = :rep";
		List<Kpis.PersonLiability> liabilities = jdbc.query("SELECT l.person, sum(l.amount) FROM collection_liabilities l"
				+ " WHERE l.recorded_at >= :fromTime AND l.recorded_at < :afterTime" + ownOnly
				+ " GROUP BY l.person ORDER BY 2 DESC", params.addValues(Map.of("rep", user.id())),
				(rs, i) -> new Kpis.PersonLiability(rs.getString(1), Money.of(rs.getBigDecimal(2))));

		return new Kpis(from, to, days, beginning[0], sales, ending[0], ending[1], endingOverdue,
				KpiFormulas.dso(ending[0], sales, days), KpiFormulas.cei(beginning[0], sales, ending[0], ending[1]),
				KpiFormulas.percent(endingOverdue, ending[0]), limits, exposure, KpiFormulas.percent(exposure, limits), top,
				grades, writeOffs, liabilities);
	}

	/** Open receivables as of the date: [total, not yet due]. */
	private BigDecimal[] open(LocalDate asOf, String visible, MapSqlParameterSource params) {
		MapSqlParameterSource p = new MapSqlParameterSource(params.getValues()).addValue("asOf", Date.valueOf(asOf));
		return jdbc.queryForObject("SELECT coalesce(sum(o.open_amount), 0),"
				+ " coalesce(sum(CASE WHEN o.due_date >= :asOf THEN o.open_amount ELSE 0 END), 0) FROM ("
				+ AgingService.openAmounts(asOf) + ") o JOIN customer_directory c ON c.id = o.customer_id WHERE 1 = 1" + visible, p,
				(rs, i) -> new BigDecimal[] { Money.of(rs.getBigDecimal(1)), Money.of(rs.getBigDecimal(2)) });
	}

}
