package com.creditdesk.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.creditdesk.system.Money;

/**
 * What customers owe, read from the ledger: who is overdue and by how much, each customer's open and overdue
 * invoices, what a customer paid since a day. Read by collection (its cases and letters), approval (the approver's
 * summary) and review; writing receivables off is {@link BadDebts}.
 */
@Service
public class Overdues {

	private final JdbcTemplate jdbc;

	private final ReceivableRepository receivables;

	private final PaymentRepository payments;

	Overdues(JdbcTemplate jdbc, ReceivableRepository receivables, PaymentRepository payments) {
		this.jdbc = jdbc;
		this.receivables = receivables;
		this.payments = payments;
	}

	/** A customer with open receivables past their due date. */
	public record OverdueCustomer(long customerId, LocalDate oldestDueDate, BigDecimal overdueAmount, int invoices) {
	}

	/** One open invoice past its due date. */
	public record OverdueItem(long receivableId, String invoiceNumber, LocalDate invoiceDate, LocalDate dueDate,
			BigDecimal amount, BigDecimal openAmount, long daysOverdue) {
	}

	/** Every customer with an open receivable due before {@code today}, in one aggregate query. */
	@Transactional(readOnly = true)
	public List<OverdueCustomer> overdueCustomers(LocalDate today) {
		return jdbc.query("""
				select customer_id, min(due_date) oldest_due, sum(open_amount) overdue, count(*) invoices
				from receivable
				where status = 'OPEN' and due_date < ?
				group by customer_id
				order by customer_id""",
				(rs, i) -> new OverdueCustomer(rs.getLong(1), rs.getObject(2, LocalDate.class),
						Money.of(rs.getBigDecimal(3)), rs.getInt(4)),
				today);
	}

	/** The customer's overdue invoices, oldest due first. */
	@Transactional(readOnly = true)
	public List<OverdueItem> overdueItems(long customerId, LocalDate today) {
		return receivables.findOverdue(customerId, today).stream().map(r -> overdueItem(r, today)).toList();
	}

	/** All the customer's open invoices, oldest due first (days overdue negative for those not yet due). */
	@Transactional(readOnly = true)
	public List<OverdueItem> openItems(long customerId, LocalDate today) {
		return receivables.findOpenOldestDueFirst(customerId).stream().map(r -> overdueItem(r, today)).toList();
	}

	@Transactional(readOnly = true)
	public String invoiceNumberOf(long receivableId) {
		return receivables.findById(receivableId).map(Receivable::getInvoiceNumber).orElse("#" + receivableId);
	}

	private static OverdueItem overdueItem(Receivable r, LocalDate today) {
		return new OverdueItem(r.getId(), r.getInvoiceNumber(), r.getInvoiceDate(), r.getDueDate(), r.getAmount(),
				r.getOpenAmount(), ChronoUnit.DAYS.between(r.getDueDate(), today));
	}

	/** Money the customer paid on or after {@code from} (credit notes are not money received). */
	@Transactional(readOnly = true)
	public BigDecimal paidSince(long customerId, LocalDate from) {
		return Money.of(payments.paidSince(customerId, from));
	}

}
