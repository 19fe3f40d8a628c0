package com.creditdesk.receivable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.creditdesk.customer.CustomerService;

/**
 * Writing receivables off the ledger as bad debt, and what doing so would take off the books: each invoice's open
 * amount, the part of it the approved limit covered when it was invoiced, and who is responsible for it.
 */
@Service
public class BadDebts {

	/** What a write-off takes off the books for one invoice, and how much of it the approved limit covered. */
	public record WrittenOffItem(long receivableId, String invoiceNumber, BigDecimal writtenOff, BigDecimal covered,
			BigDecimal uncovered, Long creditDecisionId, String responsibleRep) {
	}

	private final ReceivableRepository receivables;

	private final CustomerService customers;

	private final Exposures exposures;

	BadDebts(ReceivableRepository receivables, CustomerService customers, Exposures exposures) {
		this.receivables = receivables;
		this.customers = customers;
		this.exposures = exposures;
	}

	/** What writing off these invoices now would take off the books, nothing changed. */
	@Transactional(readOnly = true)
	public List<WrittenOffItem> preview(Collection<Long> receivableIds) {
		return receivables.findAllById(receivableIds)
			.stream()
			.filter(r -> r.getStatus() == Receivable.Status.OPEN)
			.map(r -> item(r, r.getOpenAmount()))
			.toList();
	}

	/**
	 * Writes off the given open invoices of the customer as bad debt, under the customer's lock. The part of each
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

	private static WrittenOffItem item(Receivable r, BigDecimal amount) {
		BigDecimal covered = amount.multiply(r.getCoveredAmount()).divide(r.getAmount(), 2, RoundingMode.HALF_UP).min(amount);
		return new WrittenOffItem(r.getId(), r.getInvoiceNumber(), amount, covered, amount.subtract(covered),
				covered.signum() > 0 ? r.getCreditDecisionId() : null, r.getResponsibleRep());
	}

}
