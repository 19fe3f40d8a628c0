package com.creditdesk.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.creditdesk.customer.Customer;
import com.creditdesk.customer.CustomerService;
import com.creditdesk.identity.CurrentUser;
import com.creditdesk.system.InvalidRequestException;
import com.creditdesk.system.Messages;
import com.creditdesk.system.Money;

/**
 * Builds customer statements from the ledger. Every figure is a sum of booked documents (invoices, payments,
 * credit notes, write-offs) by their dates, so a statement for a past period reads the same later.
 */
@Service
public class StatementService {

	private static final String MOVEMENTS = """
			SELECT invoice_date AS d, 'INVOICE' AS kind, invoice_number AS ref, amount AS debit, 0 AS credit,
			       CAST(due_date AS VARCHAR(10)) AS detail, id AS seq
			FROM receivable_items WHERE customer_id = :customerId AND invoice_date BETWEEN :from AND :to
			UNION ALL
			SELECT payment_date, 'PAYMENT', reference, 0, amount, '', id
			FROM receivable_payments WHERE customer_id = :customerId AND payment_date BETWEEN :from AND :to
			UNION ALL
			SELECT n.note_date, 'CREDIT_NOTE', n.note_number, 0, n.amount, r.invoice_number, n.id
			FROM receivable_credit_notes n JOIN receivable_items r ON r.id = n.receivable_id
			WHERE n.customer_id = :customerId AND n.note_date BETWEEN :from AND :to
			UNION ALL
			SELECT CAST(written_off_at AS DATE), 'WRITE_OFF', invoice_number, 0, written_off_amount, '', id
			FROM receivable_items WHERE customer_id = :customerId AND written_off_at IS NOT NULL
			  AND CAST(written_off_at AS DATE) BETWEEN :from AND :to
			""";

	private static final String BALANCE_BEFORE = """
			SELECT (SELECT coalesce(sum(amount), 0) FROM receivable_items WHERE customer_id = :customerId AND invoice_date < :from)
			     - (SELECT coalesce(sum(amount), 0) FROM receivable_payments WHERE customer_id = :customerId AND payment_date < :from)
			     - (SELECT coalesce(sum(amount), 0) FROM receivable_credit_notes WHERE customer_id = :customerId AND note_date < :from)
			     - (SELECT coalesce(sum(written_off_amount), 0) FROM receivable_items WHERE customer_id = :customerId
			          AND written_off_at IS NOT NULL AND CAST(written_off_at AS DATE) < :from)
			""";

	private static final String UNAPPLIED_AS_OF = """
			SELECT (SELECT coalesce(sum(amount), 0) FROM receivable_payments WHERE customer_id = :customerId AND payment_date <= :to)
			     - (SELECT coalesce(sum(a.amount), 0) FROM receivable_settlements a
			          JOIN receivable_payments p ON p.id = a.payment_id JOIN receivable_items r ON r.id = a.receivable_id
			          WHERE p.customer_id = :customerId AND p.payment_date <= :to AND r.invoice_date <= :to)
			""";

	private final NamedParameterJdbcTemplate jdbc;

	private final CustomerService customers;

	StatementService(NamedParameterJdbcTemplate jdbc, CustomerService customers) {
		this.jdbc = jdbc;
		this.customers = customers;
	}

	@Transactional(readOnly = true)
	public Statement statement(long customerId, LocalDate from, LocalDate to, CurrentUser user) {
		if (from == null || to == null || from.isAfter(to)) {
			throw new InvalidRequestException(Messages.text("report.periodReversed", String.valueOf(from),
					String.valueOf(to)));
		}
		if (ChronoUnit.DAYS.between(from, to) > 3 * 366) {
			throw new InvalidRequestException(Messages.text("report.statementTooLong"));
		}
		Customer customer = customers.visibleTo(customerId, user);
		MapSqlParameterSource params = new MapSqlParameterSource("customerId", customerId).addValue("from", from)
			.addValue("to", to);
		BigDecimal opening = Money.of(jdbc.queryForObject(BALANCE_BEFORE, params, BigDecimal.class));
		record Movement(LocalDate date, String kind, String ref, BigDecimal debit, BigDecimal credit, String detail, long seq) {
		}
		List<Movement> movements = new ArrayList<>(jdbc.query(MOVEMENTS, params,
				(rs, i) -> new Movement(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
						Money.of(rs.getBigDecimal(4)), Money.of(rs.getBigDecimal(5)), rs.getString(6), rs.getLong(7))));
		// by date; on one day invoices before what settles them
		movements.sort(Comparator.comparing(Movement::date)
			.thenComparing(m -> "INVOICE".equals(m.kind()) ? 0 : 1)
			.thenComparing(Movement::seq));
		List<Statement.Line> lines = new ArrayList<>();
		BigDecimal balance = opening;
		BigDecimal invoiced = Money.of(BigDecimal.ZERO);
		BigDecimal paid = invoiced;
		BigDecimal credited = invoiced;
		BigDecimal writtenOff = invoiced;
		for (Movement m : movements) {
			balance = balance.add(m.debit()).subtract(m.credit());
			switch (m.kind()) {
				case "INVOICE" -> invoiced = invoiced.add(m.debit());
				case "PAYMENT" -> paid = paid.add(m.credit());
				case "CREDIT_NOTE" -> credited = credited.add(m.credit());
				default -> writtenOff = writtenOff.add(m.credit());
			}
			String detail = switch (m.kind()) {
				case "INVOICE" -> "due " + m.detail();
				case "CREDIT_NOTE" -> "on invoice " + m.detail();
				case "WRITE_OFF" -> "bad debt written off";
				default -> "";
			};
			lines.add(new Statement.Line(m.date(), m.kind(), m.ref(), detail, m.debit(), m.credit(), balance));
		}
		List<Statement.OpenItem> open = jdbc.query("SELECT * FROM (" + AgingService.OPEN_AS_OF
				+ ") o WHERE o.customer_id = :customerId AND o.open_amount > 0 ORDER BY o.due_date, o.id",
				params.addValue("asOf", to),
				(rs, i) -> new Statement.OpenItem(rs.getString("invoice_number"), rs.getObject("invoice_date", LocalDate.class),
						rs.getObject("due_date", LocalDate.class), Money.of(rs.getBigDecimal("amount")),
						Money.of(rs.getBigDecimal("open_amount")),
						Math.max(0, ChronoUnit.DAYS.between(rs.getObject("due_date", LocalDate.class), to))));
		BigDecimal openTotal = open.stream().map(Statement.OpenItem::openAmount).reduce(Money.of(BigDecimal.ZERO), BigDecimal::add);
		BigDecimal overdue = open.stream()
			.filter(item -> item.daysOverdue() > 0)
			.map(Statement.OpenItem::openAmount)
			.reduce(Money.of(BigDecimal.ZERO), BigDecimal::add);
		BigDecimal unapplied = Money.of(jdbc.queryForObject(UNAPPLIED_AS_OF, params, BigDecimal.class));
		return new Statement(customerId, customer.getName(), customer.getCreditCode(), customer.getAddress(),
				customer.getResponsibleRep(), from, to, opening, lines, invoiced, paid, credited, writtenOff, balance, open,
				openTotal, overdue, unapplied);
	}

}
