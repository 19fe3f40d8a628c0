package com.creditdesk.receivable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.creditdesk.customer.Customer;
import com.creditdesk.customer.CustomerService;
import com.creditdesk.receivable.LedgerLines.CreditNoteLine;
import com.creditdesk.receivable.LedgerLines.InvoiceLine;
import com.creditdesk.receivable.LedgerLines.LineError;
import com.creditdesk.receivable.LedgerLines.PaymentLine;
import com.creditdesk.receivable.LedgerLines.Posting;
import com.creditdesk.receivable.LedgerLines.PostingResult;
import com.creditdesk.system.InvalidRequestException;
import com.creditdesk.system.Money;

/**
 * The receivables ledger: posts invoices, payments and credit notes, keeps each customer's exposure current, and
 * never posts the same document twice (re-sending one is answered "already posted").
 */
@Service
public class LedgerService {

	private final CustomerService customers;

	private final ReceivableRepository receivables;

	private final PaymentRepository payments;

	private final PaymentAllocationRepository allocations;

	private final CreditNoteRepository creditNotes;

	private final Exposures exposures;

	private final ApplicationEventPublisher events;

	LedgerService(CustomerService customers, ReceivableRepository receivables, PaymentRepository payments,
			PaymentAllocationRepository allocations, CreditNoteRepository creditNotes, Exposures exposures,
			ApplicationEventPublisher events) {
		this.events = events;
		this.customers = customers;
		this.receivables = receivables;
		this.payments = payments;
		this.allocations = allocations;
		this.creditNotes = creditNotes;
		this.exposures = exposures;
	}

	/** Posts all invoices or none: every bad line is reported with its number and reason. */
	@Transactional
	public List<PostingResult> postInvoices(List<InvoiceLine> lines) {
		List<LineError> errors = new ArrayList<>();
		List<Long> resolved = new ArrayList<>();
		Map<String, InvoiceLine> seen = new LinkedHashMap<>();
		for (int i = 0; i < lines.size(); i++) {
			InvoiceLine line = lines.get(i);
			try {
				long customerId = customerIdOf(line.customerId(), line.customerCode());
				checkInvoice(customerId, line);
				InvoiceLine earlier = seen.put(customerId + "/" + line.invoiceNumber(), line);
				if (earlier != null && Money.of(earlier.amount()).compareTo(Money.of(line.amount())) != 0) {
					throw new InvalidRequestException("Invoice " + line.invoiceNumber()
							+ " appears twice in this feed with different amounts.");
				}
				resolved.add(customerId);
			}
			catch (InvalidRequestException e) {
				errors.add(new LineError(i + 1, e.getMessage()));
			}
		}
		if (!errors.isEmpty()) {
			throw new FeedRejectedException(errors);
		}
		List<PostingResult> results = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			results.add(post(resolved.get(i), lines.get(i)));
		}
		return results;
	}

	/** Imports an ERP invoice export (see {@link InvoiceCsv}): all lines or none; re-importing posts nothing twice. */
	@Transactional
	public List<PostingResult> importInvoices(java.io.InputStream csv) {
		InvoiceCsv.Parsed parsed;
		try {
			parsed = InvoiceCsv.parse(csv);
		}
		catch (java.io.IOException e) {
			throw new InvalidRequestException("The file cannot be read: " + e.getMessage());
		}
		if (!parsed.errors().isEmpty()) {
			List<LineError> errors = new ArrayList<>(parsed.errors());
			// report the lines that parsed but would fail too, so one round of fixes is enough
			for (int i = 0; i < parsed.lines().size(); i++) {
				InvoiceLine line = parsed.lines().get(i);
				if (line != null) {
					try {
						checkInvoice(customerIdOf(line.customerId(), line.customerCode()), line);
					}
					catch (InvalidRequestException e) {
						errors.add(new LineError(i + 1, e.getMessage()));
					}
				}
			}
			errors.sort(java.util.Comparator.comparingInt(LineError::line));
			throw new FeedRejectedException(errors);
		}
		if (parsed.lines().isEmpty()) {
			throw new InvalidRequestException("The file has a header but no invoice lines.");
		}
		return postInvoices(parsed.lines());
	}

	@Transactional
	public PostingResult postInvoice(InvoiceLine line) {
		long customerId = customerIdOf(line.customerId(), line.customerCode());
		checkInvoice(customerId, line);
		return post(customerId, line);
	}

	private void checkInvoice(long customerId, InvoiceLine line) {
		if (line.invoiceNumber() == null || line.invoiceNumber().isBlank()) {
			throw new InvalidRequestException("The invoice number is missing.");
		}
		if (line.amount() == null || line.amount().signum() <= 0) {
			throw new InvalidRequestException("Invoice " + line.invoiceNumber() + ": the amount must be greater than zero.");
		}
		if (line.invoiceDate() == null || line.dueDate() == null) {
			throw new InvalidRequestException("Invoice " + line.invoiceNumber() + ": invoice date and due date are required.");
		}
		if (line.dueDate().isBefore(line.invoiceDate())) {
			throw new InvalidRequestException("Invoice " + line.invoiceNumber() + ": the due date " + line.dueDate()
					+ " is before the invoice date " + line.invoiceDate() + ".");
		}
		if (line.currency() != null && !line.currency().isBlank() && !"CNY".equalsIgnoreCase(line.currency().trim())) {
			throw new InvalidRequestException("Invoice " + line.invoiceNumber() + ": only CNY is booked, not "
					+ line.currency() + ".");
		}
		receivables.findByCustomerIdAndInvoiceNumber(customerId, line.invoiceNumber().trim())
			.filter(existing -> !sameInvoice(existing, line))
			.ifPresent(existing -> {
				throw new InvalidRequestException("Invoice " + line.invoiceNumber() + " is already posted with amount "
						+ Money.format(existing.getAmount()) + ", due " + existing.getDueDate() + "; it cannot change.");
			});
	}

	private static boolean sameInvoice(Receivable existing, InvoiceLine line) {
		return existing.getAmount().compareTo(Money.of(line.amount())) == 0
				&& existing.getDueDate().equals(line.dueDate()) && existing.getInvoiceDate().equals(line.invoiceDate());
	}

	/** Posts a checked line; an identical invoice posted before is answered "already posted". */
	private PostingResult post(long customerId, InvoiceLine line) {
		String number = line.invoiceNumber().trim();
		Optional<Receivable> existing = receivables.findByCustomerIdAndInvoiceNumber(customerId, number);
		if (existing.isPresent()) {
			return new PostingResult(Posting.ALREADY_POSTED, existing.get().getId(),
					"Invoice " + number + " was already posted.");
		}
		Customer customer = customers.lock(customerId);
		CustomerExposure exposure = exposures.of(customerId);
		String order = line.orderReference() == null || line.orderReference().isBlank() ? null
				: line.orderReference().trim();
		if (order != null) {
			exposures.consumeReservation(customerId, order, exposure);
		}
		BigDecimal amount = Money.of(line.amount());
		BigDecimal withinLimit = customer.tradesOnCredit(line.invoiceDate())
				? customer.getCreditLimit().subtract(exposure.exposure()).max(BigDecimal.ZERO) : BigDecimal.ZERO;
		BigDecimal covered = amount.min(withinLimit);
		Receivable receivable = receivables.save(new Receivable(customerId, number, order, line.invoiceDate(),
				line.dueDate(), amount, customer.getResponsibleRep(), covered,
				covered.signum() > 0 ? customer.getLimitDecisionId() : null));
		exposure.addOpen(amount);
		applyUnappliedCredit(customerId, receivable, exposure);
		return new PostingResult(Posting.POSTED, receivable.getId(), "Invoice " + number + " posted: "
				+ Money.format(amount) + ", of which " + Money.format(covered) + " within the approved limit.");
	}

	/** Money the customer paid earlier and nobody took settles a new invoice straight away. */
	private void applyUnappliedCredit(long customerId, Receivable receivable, CustomerExposure exposure) {
		if (exposure.getUnappliedCredit().signum() <= 0) {
			return;
		}
		for (Payment payment : payments.findWithCreditLeft(customerId)) {
			if (receivable.getOpenAmount().signum() == 0) {
				break;
			}
			BigDecimal applied = receivable.settle(payment.getUnappliedAmount());
			payment.applied(applied);
			allocations.save(new PaymentAllocation(payment.getId(), null, receivable.getId(), applied));
			exposure.addOpen(applied.negate());
			exposure.addUnappliedCredit(applied.negate());
		}
	}

	/**
	 * Posts a payment: it settles the invoices it names, in that order, or else the oldest due first; what is left
	 * stays as the customer's credit.
	 */
	@Transactional
	public PostingResult postPayment(PaymentLine line) {
		long customerId = customerIdOf(line.customerId(), line.customerCode());
		if (line.reference() == null || line.reference().isBlank()) {
			throw new InvalidRequestException("The payment reference is missing.");
		}
		if (line.amount() == null || line.amount().signum() <= 0) {
			throw new InvalidRequestException("Payment " + line.reference() + ": the amount must be greater than zero.");
		}
		if (line.paymentDate() == null) {
			throw new InvalidRequestException("Payment " + line.reference() + ": the payment date is required.");
		}
		BigDecimal amount = Money.of(line.amount());
		Optional<Payment> existing = payments.findByCustomerIdAndReference(customerId, line.reference().trim());
		if (existing.isPresent()) {
			if (existing.get().getAmount().compareTo(amount) != 0) {
				throw new InvalidRequestException("Payment " + line.reference() + " is already posted with amount "
						+ Money.format(existing.get().getAmount()) + "; it cannot change.");
			}
			return new PostingResult(Posting.ALREADY_POSTED, existing.get().getId(),
					"Payment " + line.reference() + " was already posted.");
		}
		customers.lock(customerId);
		CustomerExposure exposure = exposures.of(customerId);
		List<Receivable> targets = new ArrayList<>();
		for (String number : line.invoiceNumbers()) {
			Receivable named = receivables.findByCustomerIdAndInvoiceNumber(customerId, number.trim())
				.orElseThrow(() -> new InvalidRequestException("Payment " + line.reference() + " names invoice "
						+ number + ", which this customer does not have."));
			targets.add(named);
		}
		if (targets.isEmpty()) {
			targets = receivables.findOpenOldestDueFirst(customerId);
		}
		Payment payment = payments.save(new Payment(customerId, line.reference().trim(), line.paymentDate(), amount));
		BigDecimal left = amount;
		for (Receivable receivable : targets) {
			if (left.signum() == 0) {
				break;
			}
			if (receivable.getStatus() != Receivable.Status.OPEN) {
				continue;
			}
			BigDecimal applied = receivable.settle(left);
			left = left.subtract(applied);
			payment.applied(applied);
			allocations.save(new PaymentAllocation(payment.getId(), null, receivable.getId(), applied));
			exposure.addOpen(applied.negate());
		}
		exposure.addUnappliedCredit(left);
		events.publishEvent(new ReceivablesSettled(customerId, "Payment " + line.reference().trim() + " of "
				+ Money.format(amount) + " received on " + line.paymentDate() + "."));
		return new PostingResult(Posting.POSTED, payment.getId(), "Payment " + line.reference() + " posted: "
				+ Money.format(amount.subtract(left)) + " settled invoices, " + Money.format(left) + " kept as credit.");
	}

	/** A credit note reduces one invoice by at most its open amount. */
	@Transactional
	public PostingResult postCreditNote(CreditNoteLine line) {
		long customerId = customerIdOf(line.customerId(), line.customerCode());
		if (line.noteNumber() == null || line.noteNumber().isBlank() || line.invoiceNumber() == null) {
			throw new InvalidRequestException("A credit note needs its number and the invoice it reduces.");
		}
		if (line.amount() == null || line.amount().signum() <= 0) {
			throw new InvalidRequestException("Credit note " + line.noteNumber() + ": the amount must be greater than zero.");
		}
		BigDecimal amount = Money.of(line.amount());
		Optional<CreditNote> existing = creditNotes.findByCustomerIdAndNoteNumber(customerId, line.noteNumber().trim());
		if (existing.isPresent()) {
			if (existing.get().getAmount().compareTo(amount) != 0) {
				throw new InvalidRequestException("Credit note " + line.noteNumber() + " is already posted with another amount.");
			}
			return new PostingResult(Posting.ALREADY_POSTED, existing.get().getId(),
					"Credit note " + line.noteNumber() + " was already posted.");
		}
		customers.lock(customerId);
		CustomerExposure exposure = exposures.of(customerId);
		Receivable receivable = receivables.findByCustomerIdAndInvoiceNumber(customerId, line.invoiceNumber().trim())
			.orElseThrow(() -> new InvalidRequestException("Credit note " + line.noteNumber() + ": invoice "
					+ line.invoiceNumber() + " does not exist for this customer."));
		if (amount.compareTo(receivable.getOpenAmount()) > 0) {
			throw new InvalidRequestException("Credit note " + line.noteNumber() + " (" + Money.format(amount)
					+ ") is more than the open amount of invoice " + line.invoiceNumber() + " ("
					+ Money.format(receivable.getOpenAmount()) + ").");
		}
		CreditNote note = creditNotes.save(new CreditNote(customerId, line.noteNumber().trim(), receivable.getId(),
				line.noteDate() == null ? java.time.LocalDate.now() : line.noteDate(), amount, line.reason()));
		receivable.settle(amount);
		allocations.save(new PaymentAllocation(null, note.getId(), receivable.getId(), amount));
		exposure.addOpen(amount.negate());
		events.publishEvent(new ReceivablesSettled(customerId, "Credit note " + line.noteNumber().trim() + " reduced invoice "
				+ line.invoiceNumber() + " by " + Money.format(amount) + "."));
		return new PostingResult(Posting.POSTED, note.getId(), "Credit note " + line.noteNumber() + " reduced invoice "
				+ line.invoiceNumber() + " by " + Money.format(amount) + ".");
	}

	@Transactional(readOnly = true)
	public List<Receivable> receivablesOf(long customerId) {
		return receivables.findByCustomerIdOrderByDueDateAscIdAsc(customerId);
	}

	private long customerIdOf(Long customerId, String customerCode) {
		if (customerId != null) {
			return customers.findById(customerId)
				.orElseThrow(() -> new InvalidRequestException("Unknown customer " + customerId + "."))
				.getId();
		}
		if (customerCode == null || customerCode.isBlank()) {
			throw new InvalidRequestException("The customer is missing (customer id or unified social credit code).");
		}
		return customers.findByCreditCode(customerCode)
			.orElseThrow(() -> new InvalidRequestException("Unknown customer with credit code " + customerCode.trim() + "."))
			.getId();
	}

}
