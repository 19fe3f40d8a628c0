package com.creditdesk.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;
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
import com.creditdesk.system.BusinessClock;
import com.creditdesk.system.Inputs;
import com.creditdesk.system.InvalidRequestException;
import com.creditdesk.system.Money;

/**
 * The receivables ledger: posts invoices, payments and credit notes, keeps each customer's exposure current, and
 * never posts the same document twice (re-sending one is answered "already posted").
 */
@Service
public class LedgerService {

	/** The most invoice lines one batch or file may carry. */
	static final int MAX_LINES = 10_000;

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
		if (lines == null || lines.isEmpty()) {
			throw new InvalidRequestException("The feed holds no invoice lines.");
		}
		if (lines.size() > MAX_LINES) {
			throw new InvalidRequestException("The feed holds " + lines.size() + " invoice lines; send at most "
					+ MAX_LINES + " at once.");
		}
		List<LineError> errors = new ArrayList<>();
		List<Long> resolved = new ArrayList<>();
		List<InvoiceLine> checked = new ArrayList<>();
		Map<String, Integer> seen = new LinkedHashMap<>();
		for (int i = 0; i < lines.size(); i++) {
			InvoiceLine line = lines.get(i);
			try {
				if (line == null) {
					throw new InvalidRequestException("The line is empty.");
				}
				long customerId = customerIdOf(line.customerId(), line.customerCode());
				InvoiceLine clean = checkInvoice(customerId, line);
				Integer earlier = seen.putIfAbsent(customerId + "/" + clean.invoiceNumber(), i + 1);
				if (earlier != null) {
					throw new InvalidRequestException("Invoice " + clean.invoiceNumber() + " is already on line " + earlier
							+ " of this feed; each invoice appears once.");
				}
				resolved.add(customerId);
				checked.add(clean);
			}
			catch (InvalidRequestException e) {
				errors.add(new LineError(i + 1, e.getMessage()));
				resolved.add(null);
				checked.add(null);
			}
		}
		if (!errors.isEmpty()) {
			throw new FeedRejectedException(errors);
		}
		List<PostingResult> results = new ArrayList<>();
		for (int i = 0; i < checked.size(); i++) {
			results.add(post(resolved.get(i), checked.get(i)));
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
		return post(customerId, checkInvoice(customerId, line));
	}

	/** The line with its texts trimmed and its amount at two decimals, or the first thing wrong with it. */
	private InvoiceLine checkInvoice(long customerId, InvoiceLine line) {
		String number = Inputs.requiredText("invoiceNumber", "The invoice number", line.invoiceNumber(), 60);
		String label = "Invoice " + number + ": ";
		String order = Inputs.optionalText("orderReference", label + "the order reference", line.orderReference(), 60);
		BigDecimal amount = Inputs.positiveAmount("amount", label + "the amount", line.amount());
		LocalDate today = BusinessClock.today();
		LocalDate invoiceDate = Inputs.date("invoiceDate", label + "the invoice date", line.invoiceDate(),
				Inputs.EARLIEST, today.plusDays(31));
		if (line.dueDate() != null && line.dueDate().isBefore(invoiceDate)) {
			throw Inputs.invalid("dueDate", label + "the due date " + line.dueDate() + " is before the invoice date "
					+ invoiceDate + ".");
		}
		LocalDate dueDate = Inputs.date("dueDate", label + "the due date", line.dueDate(), invoiceDate,
				invoiceDate.plusYears(5));
		if (line.currency() != null && !line.currency().isBlank() && !"CNY".equalsIgnoreCase(line.currency().trim())) {
			throw Inputs.invalid("currency", label + "only CNY is booked, not "
					+ Inputs.optionalText("currency", "The currency", line.currency(), 3) + ".");
		}
		InvoiceLine clean = new InvoiceLine(customerId, null, number, order, invoiceDate, dueDate, amount, "CNY");
		receivables.findByCustomerIdAndInvoiceNumber(customerId, number)
			.filter(existing -> !sameInvoice(existing, clean))
			.ifPresent(existing -> {
				throw new InvalidRequestException("Invoice " + number + " is already posted with amount "
						+ Money.format(existing.getAmount()) + ", due " + existing.getDueDate() + "; it cannot change.");
			});
		return clean;
	}

	private static boolean sameInvoice(Receivable existing, InvoiceLine line) {
		return existing.getAmount().compareTo(Money.of(line.amount())) == 0
				&& existing.getDueDate().equals(line.dueDate()) && existing.getInvoiceDate().equals(line.invoiceDate());
	}

	/** Posts a checked line; an identical invoice posted before is answered "already posted". */
	private PostingResult post(long customerId, InvoiceLine line) {
		String number = line.invoiceNumber();
		// the customer's lock first: the same document sent twice at once is posted once, the other answer says so
		Customer customer = customers.lock(customerId);
		Optional<Receivable> existing = receivables.findByCustomerIdAndInvoiceNumber(customerId, number);
		if (existing.isPresent()) {
			return new PostingResult(Posting.ALREADY_POSTED, existing.get().getId(),
					"Invoice " + number + " was already posted.");
		}
		CustomerExposure exposure = exposures.of(customerId);
		String order = line.orderReference();
		if (order != null) {
			exposures.consumeReservation(customerId, order, exposure);
		}
		BigDecimal amount = line.amount();
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
		String reference = Inputs.requiredText("reference", "The payment reference", line.reference(), 60);
		String label = "Payment " + reference + ": ";
		BigDecimal amount = Inputs.positiveAmount("amount", label + "the amount", line.amount());
		LocalDate paymentDate = Inputs.date("paymentDate", label + "the payment date", line.paymentDate(),
				Inputs.EARLIEST, BusinessClock.today());
		List<String> invoiceNumbers = new ArrayList<>();
		for (String number : line.invoiceNumbers()) {
			invoiceNumbers.add(Inputs.requiredText("invoiceNumbers", label + "an invoice it names", number, 60));
		}
		customers.lock(customerId); // first: the same payment sent twice at once is posted once
		Optional<Payment> existing = payments.findByCustomerIdAndReference(customerId, reference);
		if (existing.isPresent()) {
			if (existing.get().getAmount().compareTo(amount) != 0) {
				throw new InvalidRequestException("Payment " + reference + " is already posted with amount "
						+ Money.format(existing.get().getAmount()) + "; it cannot change.");
			}
			return new PostingResult(Posting.ALREADY_POSTED, existing.get().getId(),
					"Payment " + reference + " was already posted.");
		}
		CustomerExposure exposure = exposures.of(customerId);
		List<Receivable> targets = new ArrayList<>();
		for (String number : invoiceNumbers) {
			Receivable named = receivables.findByCustomerIdAndInvoiceNumber(customerId, number)
				.orElseThrow(() -> Inputs.invalid("invoiceNumbers", "Payment " + reference + " names invoice "
						+ number + ", which this customer does not have."));
			targets.add(named);
		}
		if (targets.isEmpty()) {
			targets = receivables.findOpenOldestDueFirst(customerId);
		}
		Payment payment = payments.save(new Payment(customerId, reference, paymentDate, amount));
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
		events.publishEvent(new ReceivablesSettled(customerId, "Payment " + reference + " of "
				+ Money.format(amount) + " received on " + paymentDate + "."));
		return new PostingResult(Posting.POSTED, payment.getId(), "Payment " + reference + " posted: "
				+ Money.format(amount.subtract(left)) + " settled invoices, " + Money.format(left) + " kept as credit.");
	}

	/** A credit note reduces one invoice by at most its open amount. */
	@Transactional
	public PostingResult postCreditNote(CreditNoteLine line) {
		long customerId = customerIdOf(line.customerId(), line.customerCode());
		String noteNumber = Inputs.requiredText("noteNumber", "The credit note number", line.noteNumber(), 60);
		String label = "Credit note " + noteNumber + ": ";
		String invoiceNumber = Inputs.requiredText("invoiceNumber", label + "the invoice it reduces", line.invoiceNumber(),
				60);
		BigDecimal amount = Inputs.positiveAmount("amount", label + "the amount", line.amount());
		LocalDate noteDate = line.noteDate() == null ? BusinessClock.today()
				: Inputs.date("noteDate", label + "the date", line.noteDate(), Inputs.EARLIEST, BusinessClock.today());
		String reason = Inputs.optionalText("reason", label + "the reason", line.reason(), 500);
		customers.lock(customerId); // first: the same credit note sent twice at once is posted once
		Optional<CreditNote> existing = creditNotes.findByCustomerIdAndNoteNumber(customerId, noteNumber);
		if (existing.isPresent()) {
			if (existing.get().getAmount().compareTo(amount) != 0) {
				throw new InvalidRequestException("Credit note " + noteNumber + " is already posted with another amount.");
			}
			return new PostingResult(Posting.ALREADY_POSTED, existing.get().getId(),
					"Credit note " + noteNumber + " was already posted.");
		}
		CustomerExposure exposure = exposures.of(customerId);
		Receivable receivable = receivables.findByCustomerIdAndInvoiceNumber(customerId, invoiceNumber)
			.orElseThrow(() -> new InvalidRequestException("Credit note " + noteNumber + ": invoice "
					+ invoiceNumber + " does not exist for this customer."));
		if (amount.compareTo(receivable.getOpenAmount()) > 0) {
			throw new InvalidRequestException("Credit note " + noteNumber + " (" + Money.format(amount)
					+ ") is more than the open amount of invoice " + invoiceNumber + " ("
					+ Money.format(receivable.getOpenAmount()) + ").");
		}
		CreditNote note = creditNotes.save(new CreditNote(customerId, noteNumber, receivable.getId(),
				noteDate, amount, reason));
		receivable.settle(amount);
		allocations.save(new PaymentAllocation(null, note.getId(), receivable.getId(), amount));
		exposure.addOpen(amount.negate());
		events.publishEvent(new ReceivablesSettled(customerId, "Credit note " + noteNumber + " reduced invoice "
				+ invoiceNumber + " by " + Money.format(amount) + "."));
		return new PostingResult(Posting.POSTED, note.getId(), "Credit note " + noteNumber + " reduced invoice "
				+ invoiceNumber + " by " + Money.format(amount) + ".");
	}

	@Transactional(readOnly = true)
	public List<Receivable> receivablesOf(long customerId) {
		return receivables.findByCustomerIdOrderByDueDateAscIdAsc(customerId);
	}

	/** The customer a line names by id or by credit code; when it names both, they must agree. */
	private long customerIdOf(Long customerId, String customerCode) {
		String code = Inputs.optionalText("customerCode", "The unified social credit code", customerCode, 18);
		if (customerId != null) {
			Customer customer = customers.findById(customerId)
				.orElseThrow(() -> Inputs.invalid("customerId", "Unknown customer " + customerId + "."));
			if (code != null && !code.equalsIgnoreCase(customer.getCreditCode())) {
				throw Inputs.invalid("customerCode", "Customer " + customerId + " has the credit code "
						+ customer.getCreditCode() + ", not " + code + ".");
			}
			return customer.getId();
		}
		if (code == null) {
			throw Inputs.invalid("customerId", "The customer is missing (customer id or unified social credit code).");
		}
		return customers.findByCreditCode(code)
			.orElseThrow(() -> Inputs.invalid("customerCode", "Unknown customer with credit code " + code + "."))
			.getId();
	}

}
