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
import com.creditdesk.system.Messages;
import com.creditdesk.system.Money;

/**
 * The receivables ledger: posts invoices, payments and credit notes, keeps each customer's exposure current, and
 * never posts the same document twice (re-sending one is answered "already posted").
 * <p>
 * Longer than 300 lines on purpose: invoices, payments, credit notes and their allocation are posted with the same
 * idempotency and locking rules, which read best side by side.
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
			throw new InvalidRequestException(Messages.text("receivable.feedEmpty"));
		}
		if (lines.size() > MAX_LINES) {
			throw new InvalidRequestException(Messages.text("receivable.feedTooLong", String.valueOf(lines.size()),
					String.valueOf(MAX_LINES)));
		}
		List<LineError> errors = new ArrayList<>();
		List<Long> resolved = new ArrayList<>();
		List<InvoiceLine> checked = new ArrayList<>();
		Map<String, Integer> seen = new LinkedHashMap<>();
		for (int i = 0; i < lines.size(); i++) {
			InvoiceLine line = lines.get(i);
			try {
				if (line == null) {
					throw new InvalidRequestException(Messages.text("receivable.lineEmpty"));
				}
				long customerId = customerIdOf(line.customerId(), line.customerCode());
				InvoiceLine clean = checkInvoice(customerId, line);
				Integer earlier = seen.putIfAbsent(customerId + "/" + clean.invoiceNumber(), i + 1);
				if (earlier != null) {
					throw new InvalidRequestException(Messages.text("receivable.invoiceTwiceInFeed", clean.invoiceNumber(),
							String.valueOf(earlier)));
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
			throw new InvalidRequestException(Messages.text("receivable.fileUnreadable", String.valueOf(e.getMessage())));
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
			throw new InvalidRequestException(Messages.text("receivable.fileWithoutLines"));
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
		String number = Inputs.requiredText("invoiceNumber", Messages.text("label.invoiceNumber"), line.invoiceNumber(),
				60);
		String order = Inputs.optionalText("orderReference",
				Messages.text("label.ofInvoice", number, Messages.text("label.theOrderReference")), line.orderReference(),
				60);
		BigDecimal amount = Inputs.positiveAmount("amount",
				Messages.text("label.ofInvoice", number, Messages.text("label.theAmount")), line.amount());
		LocalDate today = BusinessClock.today();
		LocalDate invoiceDate = Inputs.date("invoiceDate",
				Messages.text("label.ofInvoice", number, Messages.text("label.theInvoiceDate")), line.invoiceDate(),
				Inputs.EARLIEST, today.plusDays(31));
		if (line.dueDate() != null && line.dueDate().isBefore(invoiceDate)) {
			throw Inputs.invalid("dueDate", Messages.text("receivable.dueBeforeInvoiceDate", number,
					line.dueDate().toString(), invoiceDate.toString()));
		}
		LocalDate dueDate = Inputs.date("dueDate",
				Messages.text("label.ofInvoice", number, Messages.text("label.theDueDate")), line.dueDate(), invoiceDate,
				invoiceDate.plusYears(5));
		if (line.currency() != null && !line.currency().isBlank() && !"CNY".equalsIgnoreCase(line.currency().trim())) {
			throw Inputs.invalid("currency", Messages.text("receivable.onlyCny", number,
					Inputs.optionalText("currency", Messages.text("label.currency"), line.currency(), 3)));
		}
		InvoiceLine clean = new InvoiceLine(customerId, null, number, order, invoiceDate, dueDate, amount, "CNY");
		receivables.findByCustomerIdAndInvoiceNumber(customerId, number)
			.filter(existing -> !sameInvoice(existing, clean))
			.ifPresent(existing -> {
				throw new InvalidRequestException(Messages.text("receivable.invoiceAlreadyPosted", number,
						Money.format(existing.getAmount()), existing.getDueDate().toString()));
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
		// the limit in force on the invoice date covers it (and answers for it), not the one granted since
		Optional<CustomerService.LimitInForce> limit = customers.limitOn(customer, line.invoiceDate());
		BigDecimal withinLimit = limit.map(l -> l.limit().subtract(exposure.exposure()).max(BigDecimal.ZERO))
			.orElse(BigDecimal.ZERO);
		BigDecimal covered = amount.min(withinLimit);
		Receivable receivable = receivables.save(new Receivable(customerId, number, order, line.invoiceDate(),
				line.dueDate(), amount, customer.getResponsibleRep(), covered,
				covered.signum() > 0 ? limit.get().decisionId() : null));
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
		String reference = Inputs.requiredText("reference", Messages.text("label.paymentReference"), line.reference(),
				60);
		BigDecimal amount = Inputs.positiveAmount("amount",
				Messages.text("label.ofPayment", reference, Messages.text("label.theAmount")), line.amount());
		LocalDate paymentDate = Inputs.date("paymentDate",
				Messages.text("label.ofPayment", reference, Messages.text("label.thePaymentDate")), line.paymentDate(),
				Inputs.EARLIEST, BusinessClock.today());
		List<String> invoiceNumbers = new ArrayList<>();
		for (String number : line.invoiceNumbers()) {
			invoiceNumbers.add(Inputs.requiredText("invoiceNumbers",
					Messages.text("label.ofPayment", reference, Messages.text("label.anInvoiceItNames")), number, 60));
		}
		customers.lock(customerId); // first: the same payment sent twice at once is posted once
		Optional<Payment> existing = payments.findByCustomerIdAndReference(customerId, reference);
		if (existing.isPresent()) {
			if (existing.get().getAmount().compareTo(amount) != 0) {
				throw new InvalidRequestException(Messages.text("receivable.paymentAlreadyPosted", reference,
						Money.format(existing.get().getAmount())));
			}
			return new PostingResult(Posting.ALREADY_POSTED, existing.get().getId(),
					"Payment " + reference + " was already posted.");
		}
		CustomerExposure exposure = exposures.of(customerId);
		List<Receivable> targets = new ArrayList<>();
		for (String number : invoiceNumbers) {
			Receivable named = receivables.findByCustomerIdAndInvoiceNumber(customerId, number)
				.orElseThrow(() -> Inputs.invalid("invoiceNumbers", Messages.text("receivable.paymentNamesUnknownInvoice",
						reference, number)));
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
		String noteNumber = Inputs.requiredText("noteNumber", Messages.text("label.creditNoteNumber"), line.noteNumber(),
				60);
		String invoiceNumber = Inputs.requiredText("invoiceNumber",
				Messages.text("label.ofCreditNote", noteNumber, Messages.text("label.theInvoiceItReduces")),
				line.invoiceNumber(), 60);
		BigDecimal amount = Inputs.positiveAmount("amount",
				Messages.text("label.ofCreditNote", noteNumber, Messages.text("label.theAmount")), line.amount());
		LocalDate noteDate = line.noteDate() == null ? BusinessClock.today()
				: Inputs.date("noteDate", Messages.text("label.ofCreditNote", noteNumber, Messages.text("label.theDate")),
						line.noteDate(), Inputs.EARLIEST, BusinessClock.today());
		String reason = Inputs.optionalText("reason",
				Messages.text("label.ofCreditNote", noteNumber, Messages.text("label.theReason")), line.reason(), 500);
		customers.lock(customerId); // first: the same credit note sent twice at once is posted once
		Optional<CreditNote> existing = creditNotes.findByCustomerIdAndNoteNumber(customerId, noteNumber);
		if (existing.isPresent()) {
			if (existing.get().getAmount().compareTo(amount) != 0) {
				throw new InvalidRequestException(Messages.text("receivable.creditNoteAlreadyPosted", noteNumber));
			}
			return new PostingResult(Posting.ALREADY_POSTED, existing.get().getId(),
					"Credit note " + noteNumber + " was already posted.");
		}
		CustomerExposure exposure = exposures.of(customerId);
		Receivable receivable = receivables.findByCustomerIdAndInvoiceNumber(customerId, invoiceNumber)
			.orElseThrow(() -> new InvalidRequestException(Messages.text("receivable.creditNoteUnknownInvoice",
					noteNumber, invoiceNumber)));
		if (amount.compareTo(receivable.getOpenAmount()) > 0) {
			throw new InvalidRequestException(Messages.text("receivable.creditNoteAboveOpenAmount", noteNumber,
					Money.format(amount), invoiceNumber, Money.format(receivable.getOpenAmount())));
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
		String code = Inputs.optionalText("customerCode", Messages.text("label.creditCode"), customerCode, 18);
		if (customerId != null) {
			Customer customer = customers.findById(customerId)
				.orElseThrow(() -> Inputs.invalid("customerId", Messages.text("receivable.unknownCustomer",
						String.valueOf(customerId))));
			if (code != null && !code.equalsIgnoreCase(customer.getCreditCode())) {
				throw Inputs.invalid("customerCode", Messages.text("receivable.creditCodeMismatch",
						String.valueOf(customerId), customer.getCreditCode(), code));
			}
			return customer.getId();
		}
		if (code == null) {
			throw Inputs.invalid("customerId", Messages.text("receivable.customerMissing"));
		}
		return customers.findByCreditCode(code)
			.orElseThrow(() -> Inputs.invalid("customerCode", Messages.text("receivable.unknownCreditCode", code)))
			.getId();
	}

}
