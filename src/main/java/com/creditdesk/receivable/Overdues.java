package com.creditdesk.receivable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.creditdesk.customer.CustomerService;
import com.creditdesk.system.Money;

/** What customers owe past the due date, for collection: who is overdue, with which items, and write-offs. */
@Service
public class Overdues {

	private final JdbcTemplate jdbc;

	private final ReceivableRepository receivables;

	private final PaymentRepository payments;

	private final CustomerService customers;

	private final Exposures exposures;

	Overdues(JdbcTemplate jdbc, ReceivableRepository receivables, PaymentRepository payments,
			CustomerService customers, Exposures exposures) {
		this.jdbc = jdbc;
		this.receivables = receivables;
		this.payments = payments;
		this.customers = customers;
		this.exposures = exposures;
	}

	/** A customer with open receivables past their due date. */
	public record OverdueCustomer(long customerId, LocalDate oldestDueDate, BigDecimal overdueAmount, int invoices) {
	}

	/** One open invoice past its due date. */
	public record OverdueItem(long receivableId, String invoiceNumber, LocalDate invoiceDate, LocalDate dueDate,
			BigDecimal amount, BigDecimal openAmount, long daysOverdue) {
	}

	/** What a write-off took off the books for one invoice, and how much of it the approved limit covered. */
	public record WrittenOffItem(long receivableId, String invoiceNumber, BigDecimal writtenOff, BigDecimal covered,
			BigDecimal uncovered, Long creditDecisionId, String responsibleRep) {
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

	/** What writing off these invoices now would take off the books, nothing changed. */
	@Transactional(readOnly = true)
	public List<WrittenOffItem> previewWriteOff(Collection<Long> receivableIds) {
		return receivables.findAllById(receivableIds)
			.stream()
			.filter(r -> r.getStatus() == Receivable.Status.OPEN)
			.map(r -> item(r, r.getOpenAmount()))
			.toList();
	}

	private static OverdueItem overdueItem(Receivable r, LocalDate today) {
		return new OverdueItem(r.getId(), r.getInvoiceNumber(), r.getInvoiceDate(), r.getDueDate(), r.getAmount(),
				r.getOpenAmount(), ChronoUnit.DAYS.between(r.getDueDate(), today));
	}

	private static WrittenOffItem item(Receivable r, BigDecimal amount) {
		BigDecimal covered = amount.multiply(r.getCoveredAmount()).divide(r.getAmount(), 2, RoundingMode.HALF_UP).min(amount);
		return new WrittenOffItem(r.getId(), r.getInvoiceNumber(), amount, covered, amount.subtract(covered),
				covered.signum() > 0 ? r.getCreditDecisionId() : null, r.getResponsibleRep());
	}

	/** Money the customer paid on or after {@code from} (credit notes are not money received). */
	@Transactional(readOnly = true)
	public BigDecimal paidSince(long customerId, LocalDate from) {
		return Money.of(payments.paidSince(customerId, from));
	}

	/**
	 * Writes off the given overdue invoices of the customer as bad debt, under the customer's lock. The part of each
	 * written-off amount that the approved limit covered is in proportion to the part covered when it was invoiced.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<WrittenOffItem> writeOff(long customerId, Collection<Long> receivableIds) {
		customers.lock(customerId);
		CustomerExposure exposure = exposures.of(customerId);
		List<WrittenOffItem> written = new ArrayList<>();
		for (Receivable r : receivables.findAllById(receivableIds)) {
			if (r.getCustomerId() != customerId || r.getStatus() != Receivable.Status.OPEN) {
				continue;
			}
			BigDecimal amount = r.writeOff();
			exposure.addOpen(amount.negate());
			written.add(item(r, amount));
		}
		return written;
	}

}
