package com.creditdesk.collection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.creditdesk.approval.CreditDecisionService;
import com.creditdesk.customer.Customer;
import com.creditdesk.customer.CustomerService;
import com.creditdesk.customer.CustomerStatus;
import com.creditdesk.receivable.Overdues.OverdueItem;
import com.creditdesk.receivable.Overdues.WrittenOffItem;
import com.creditdesk.receivable.Overdues;
import com.creditdesk.system.ConflictException;
import com.creditdesk.system.InvalidRequestException;
import com.creditdesk.system.Messages;
import com.creditdesk.system.Money;
import com.creditdesk.system.NotFoundException;

/**
 * The overdue collection case as data: assessing what is overdue, performing each stage's action once, recording
 * contacts, promises, plans, disputes, and the write-off with each person's liability.
 */
@Service
public class CollectionService {

	/** Who proposes a write-off when policy (day 90, a missed instalment) rather than a person does. */
	static final String SYSTEM = "creditdesk";

	private final CollectionCaseRepository cases;

	private final CollectionActionRepository actions;

	private final CollectionEventRepository history;

	private final PaymentPromiseRepository promises;

	private final InstalmentRepository instalments;

	private final DisputeRepository disputes;

	private final CollectionDocumentRepository documents;

	private final WriteOffRepository writeOffs;

	private final BadDebtLiabilityRepository liabilities;

	private final Overdues overdues;

	private final CustomerService customers;

	private final CreditDecisionService decisions;

	private final CollectionProperties properties;

	private final ApplicationEventPublisher events;

	private final com.fasterxml.jackson.databind.ObjectMapper json;

	CollectionService(CollectionCaseRepository cases, CollectionActionRepository actions,
			CollectionEventRepository history, PaymentPromiseRepository promises, InstalmentRepository instalments,
			DisputeRepository disputes, CollectionDocumentRepository documents, WriteOffRepository writeOffs,
			BadDebtLiabilityRepository liabilities, Overdues overdues, CustomerService customers,
			CreditDecisionService decisions, CollectionProperties properties, ApplicationEventPublisher events,
			com.fasterxml.jackson.databind.ObjectMapper json) {
		this.json = json;
		this.cases = cases;
		this.actions = actions;
		this.history = history;
		this.promises = promises;
		this.instalments = instalments;
		this.disputes = disputes;
		this.documents = documents;
		this.writeOffs = writeOffs;
		this.liabilities = liabilities;
		this.overdues = overdues;
		this.customers = customers;
		this.decisions = decisions;
		this.properties = properties;
		this.events = events;
	}

	// ---------------------------------------------------------------- the case

	/** Opens the customer's case; the database refuses a second open case for the same customer. */
	@Transactional
	public CollectionCase open(long customerId, String processInstanceId) {
		CollectionCase opened = cases.saveAndFlush(new CollectionCase(customerId, processInstanceId));
		log(opened.getId(), "OPENED", "Collection case opened for overdue receivables.", null);
		return opened;
	}

	@Transactional(readOnly = true)
	public CollectionCase get(long caseId) {
		return cases.findById(caseId)
			.orElseThrow(() -> new NotFoundException(Messages.text("collection.caseNotFound", String.valueOf(caseId))));
	}

	@Transactional(readOnly = true)
	public java.util.Optional<CollectionCase> openCaseOf(long customerId) {
		return cases.findOpen(customerId);
	}

	/** What the assessment found: the figures the stage decision needs. */
	record Assessment(boolean overdue, int daysPastDue, BigDecimal overdueAmount, boolean vanished,
			boolean paymentPlanBroken, boolean paused, List<OverdueItem> items) {
	}

	/**
	 * Looks at the ledger as of {@code today}: the overdue items (disputed ones left out), promises kept or broken,
	 * instalments paid or missed.
	 */
	@Transactional
	Assessment assess(long caseId, LocalDate today) {
		CollectionCase collectionCase = get(caseId);
		Set<Long> disputed = disputes.findByCaseIdAndStatus(caseId, Dispute.Status.OPEN)
			.stream()
			.map(Dispute::getReceivableId)
			.collect(Collectors.toSet());
		List<OverdueItem> all = overdues.overdueItems(collectionCase.getCustomerId(), today);
		List<OverdueItem> items = all.stream().filter(item -> !disputed.contains(item.receivableId())).toList();
		BigDecimal amount = items.stream().map(OverdueItem::openAmount).reduce(Money.of(BigDecimal.ZERO), BigDecimal::add);
		int days = items.isEmpty() ? 0 : (int) items.get(0).daysOverdue();
		collectionCase.assessed(items.isEmpty() ? null : items.get(0).dueDate(), days, amount);
		Customer customer = customers.get(collectionCase.getCustomerId());
		boolean paused = checkPromises(collectionCase, today);
		PlanState plan = checkPlan(collectionCase, today);
		return new Assessment(!all.isEmpty(), days, amount, customer.getStatus() == CustomerStatus.VANISHED,
				plan == PlanState.BROKEN, paused || plan == PlanState.RUNNING, items);
	}

	/** Settles open promises: kept once the promised money arrived, broken after the date plus grace. */
	private boolean checkPromises(CollectionCase collectionCase, LocalDate today) {
		boolean waiting = false;
		for (PaymentPromise promise : promises.findByCaseIdAndStatus(collectionCase.getId(), PaymentPromise.Status.OPEN)) {
			BigDecimal paid = overdues.paidSince(collectionCase.getCustomerId(), promise.getMadeOn());
			LocalDate deadline = promise.getPromisedDate().plusDays(properties.promiseGraceDays());
			if (paid.compareTo(promise.getPromisedAmount()) >= 0) {
				promise.settle(PaymentPromise.Status.KEPT);
				log(collectionCase.getId(), "PROMISE_KEPT", "Promise to pay " + Money.format(promise.getPromisedAmount())
						+ " by " + promise.getPromisedDate() + " kept: " + Money.format(paid) + " received.", null);
			}
			else if (today.isAfter(deadline)) {
				promise.settle(PaymentPromise.Status.BROKEN);
				collectionCase.escalate();
				String reason = "Promise to pay " + Money.format(promise.getPromisedAmount()) + " by "
						+ promise.getPromisedDate() + " broken: " + Money.format(paid) + " received by " + deadline + ".";
				log(collectionCase.getId(), "PROMISE_BROKEN", reason + " Escalated one stage.", null);
				events.publishEvent(new PromiseBroken(collectionCase.getCustomerId(), collectionCase.getId(), reason));
			}
			else {
				waiting = true;
			}
		}
		return waiting;
	}

	private enum PlanState {

		NONE, RUNNING, BROKEN, COMPLETED

	}

	/** Instalments are paid in order from the money received since the plan was agreed. */
	private PlanState checkPlan(CollectionCase collectionCase, LocalDate today) {
		List<Instalment> plan = instalments.findByCaseIdOrderBySeq(collectionCase.getId());
		if (plan.isEmpty()) {
			return PlanState.NONE;
		}
		BigDecimal paid = overdues.paidSince(collectionCase.getCustomerId(), plan.get(0).getAgreedOn());
		BigDecimal due = BigDecimal.ZERO;
		PlanState state = PlanState.COMPLETED;
		for (Instalment instalment : plan) {
			due = due.add(instalment.getAmount());
			if (instalment.getStatus() == Instalment.Status.MISSED) {
				state = PlanState.BROKEN;
			}
			else if (paid.compareTo(due) >= 0) {
				if (instalment.getStatus() != Instalment.Status.PAID) {
					instalment.mark(Instalment.Status.PAID);
					log(collectionCase.getId(), "INSTALMENT_PAID", "Instalment " + instalment.getSeq() + " of "
							+ Money.format(instalment.getAmount()) + " due " + instalment.getDueDate() + " paid.", null);
				}
			}
			else if (today.isAfter(instalment.getDueDate().plusDays(properties.instalmentGraceDays()))) {
				instalment.mark(Instalment.Status.MISSED);
				log(collectionCase.getId(), "INSTALMENT_MISSED", "Instalment " + instalment.getSeq() + " of "
						+ Money.format(instalment.getAmount()) + " due " + instalment.getDueDate()
						+ " missed: the payment plan is broken and the case escalates to a write-off proposal.", null);
				state = PlanState.BROKEN;
			}
			else if (state != PlanState.BROKEN) {
				state = PlanState.RUNNING;
			}
		}
		return state;
	}

	/** Which stage tasks to open now (each only the first time its stage is reached) and the case's stage. */
	record StageOutcome(CollectionStage stage, boolean reminder, boolean letter, boolean managementContact,
			boolean regionalDecision, boolean writeOffApproval, Long letterId) {
	}

	/**
	 * Moves the case to the stage policy says is due (raised by broken promises; held while a promise or a plan
	 * runs) and performs each stage's action up to it that this case has not performed yet. Exactly once per case:
	 * the action table's unique key refuses a second one even from a concurrent run.
	 */
	@Transactional
	StageOutcome applyStage(long caseId, CollectionStage policyStage, boolean paused, LocalDate today) {
		CollectionCase collectionCase = get(caseId);
		CollectionStage target = paused ? collectionCase.getStage() : policyStage.raisedBy(collectionCase.getEscalation());
		if (target == CollectionStage.NONE) {
			// overdue, but every overdue item is disputed: hold the stage (a new case starts at the reminder)
			target = collectionCase.getStage() == CollectionStage.NONE ? CollectionStage.REMINDER : collectionCase.getStage();
		}
		if (target != collectionCase.getStage()) {
			log(caseId, "STAGE", (collectionCase.getStage() == CollectionStage.NONE ? "Stage " : "Stage changed from "
					+ collectionCase.getStage().label() + " to ") + target.label() + " (" + collectionCase.getDaysPastDue()
					+ " days past due" + (collectionCase.getEscalation() > 0 ? ", escalated " + collectionCase.getEscalation()
							+ " stage(s) for broken promises" : "") + ").", null);
			collectionCase.moveTo(target);
		}
		EnumSet<CollectionStage> performed = EnumSet.noneOf(CollectionStage.class);
		Long letterId = null;
		for (CollectionStage stage : CollectionStage.values()) {
			if (stage == CollectionStage.NONE || stage.rank() > target.rank()
					|| actions.existsByCaseIdAndAction(caseId, stage.name())) {
				continue;
			}
			String detail = switch (stage) {
				case REMINDER -> "Reminder task for " + customers.get(collectionCase.getCustomerId()).getResponsibleRep() + ".";
				case DUNNING_LETTER -> {
					CollectionDocument letter = writeLetter(collectionCase, today);
					letterId = letter.getId();
					yield "Dunning letter " + letter.getFileName() + " over " + Money.format(letter.getTotalAmount()) + ".";
				}
				case CREDIT_HOLD -> {
					customers.placeOnCollectionHold(collectionCase.getCustomerId(), caseId, "Collection case " + caseId
							+ ": receivables " + collectionCase.getDaysPastDue() + " days overdue.");
					yield "Credit hold placed; the direct-sales manager contacts the customer's management.";
				}
				case REGIONAL_DECISION -> "The regional manager decides the next collection step.";
				case WRITE_OFF_PROPOSAL -> {
					String proposer = collectionCase.getVanishedReportedBy() != null ? collectionCase.getVanishedReportedBy()
							: SYSTEM;
					collectionCase.proposeWriteOff(proposer);
					yield "Write-off proposed to the regional managers"
							+ (SYSTEM.equals(proposer) ? " by policy." : " after " + proposer + " reported the customer vanished.");
				}
				default -> throw new IllegalStateException(stage.name());
			};
			actions.saveAndFlush(new CollectionAction(caseId, stage.name(), detail, null));
			log(caseId, stage.name(), detail, null);
			performed.add(stage);
		}
		return new StageOutcome(target, performed.contains(CollectionStage.REMINDER),
				performed.contains(CollectionStage.DUNNING_LETTER), performed.contains(CollectionStage.CREDIT_HOLD),
				// a case first found at 90+ days goes to the write-off approval alone; a rejection opens the decision
				performed.contains(CollectionStage.REGIONAL_DECISION) && !performed.contains(CollectionStage.WRITE_OFF_PROPOSAL),
				performed.contains(CollectionStage.WRITE_OFF_PROPOSAL), letterId);
	}

	private CollectionDocument writeLetter(CollectionCase collectionCase, LocalDate today) {
		Customer customer = customers.get(collectionCase.getCustomerId());
		DunningLetters.Letter letter = DunningLetters.Letter.of(customer, collectionCase.getId(),
				overdues.overdueItems(customer.getId(), today), today, today.plusDays(properties.letterPaymentDays()));
		String snapshot;
		try {
			snapshot = json.writeValueAsString(letter);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
		return documents.saveAndFlush(new CollectionDocument(collectionCase.getId(), "DUNNING_LETTER",
				"dunning-letter-" + customer.getCreditCode() + "-" + today, "text/html;charset=UTF-8",
				DunningLetters.html(letter), letter.total(), snapshot));
	}

	/** The letter as a PDF, printed from the figures it was written with. */
	@Transactional(readOnly = true)
	byte[] letterPdf(CollectionDocument document) {
		try {
			return DunningLetters.pdf(json.readValue(document.getSnapshot(), DunningLetters.Letter.class));
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException e) {
			throw new IllegalStateException("Dunning letter " + document.getId() + " cannot be read back: " + e.getMessage(), e);
		}
	}

	/** Nothing is overdue any more: the case ends and the hold it placed is lifted. */
	@Transactional
	void settle(long caseId) {
		CollectionCase collectionCase = get(caseId);
		if (!collectionCase.isOpen()) {
			return;
		}
		customers.liftCollectionHold(collectionCase.getCustomerId(), caseId);
		collectionCase.close(CollectionCase.Status.SETTLED, "All overdue receivables paid or credited.");
		log(caseId, "SETTLED", "All overdue receivables paid or credited; any credit hold from this case lifted.", null);
	}

	/** The process was cancelled (in Cockpit): the case closes so a new one can open. */
	@Transactional
	void cancel(String processInstanceId) {
		cases.findByProcessInstanceId(processInstanceId).filter(CollectionCase::isOpen).ifPresent(collectionCase -> {
			customers.liftCollectionHold(collectionCase.getCustomerId(), collectionCase.getId());
			collectionCase.close(CollectionCase.Status.CANCELLED, "The collection process was cancelled.");
			log(collectionCase.getId(), "CANCELLED", "The collection process was cancelled.", null);
		});
	}

	// ---------------------------------------------------------------- what people record

	/** The outcome of a call or visit, with an optional promise to pay or the report that the customer vanished. */
	@Transactional
	public void recordContact(long caseId, String user, String outcome, String notes, boolean promise,
			LocalDate promisedDate, BigDecimal promisedAmount, boolean unreachable, LocalDate today) {
		CollectionCase collectionCase = openCase(caseId);
		Map<String, String> errors = new HashMap<>();
		if (promise && unreachable) {
			errors.put(OverdueCollectionProcess.CUSTOMER_UNREACHABLE, Messages.text("collection.unreachableCannotPromise"));
		}
		if (promise) {
			if (promisedDate == null || promisedDate.isBefore(today)) {
				errors.put(OverdueCollectionProcess.PROMISED_DATE, Messages.text("collection.promisedDatePast"));
			}
			else if (promisedDate.isAfter(today.plusDays(90))) {
				errors.put(OverdueCollectionProcess.PROMISED_DATE, Messages.text("collection.promisedDateTooFar"));
			}
			if (promisedAmount == null || promisedAmount.signum() <= 0) {
				errors.put(OverdueCollectionProcess.PROMISED_AMOUNT, Messages.text("collection.promisedAmountNotPositive"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(String.join(" ", errors.values()), errors);
		}
		String text = (outcome == null || outcome.isBlank() ? "Contacted" : outcome.trim())
				+ (notes == null || notes.isBlank() ? "." : ": " + notes.trim());
		log(caseId, "CONTACT", text, user);
		if (promise) {
			for (PaymentPromise earlier : promises.findByCaseIdAndStatus(caseId, PaymentPromise.Status.OPEN)) {
				earlier.settle(PaymentPromise.Status.SUPERSEDED);
			}
			BigDecimal amount = promisedAmount.setScale(2, RoundingMode.HALF_UP);
			promises.save(new PaymentPromise(caseId, promisedDate, amount, today, user));
			log(caseId, "PROMISE", "Promise to pay " + Money.format(amount) + " by " + promisedDate
					+ "; escalation waits until " + promisedDate.plusDays(properties.promiseGraceDays()) + ".", user);
		}
		if (unreachable) {
			reportVanished(collectionCase, user, notes);
		}
	}

	/** The rep reports the customer unreachable (at any stage): vanished, write-off proposal at once. */
	@Transactional
	public void reportVanished(long caseId, String user, String reason) {
		reportVanished(openCase(caseId), user, reason);
	}

	private void reportVanished(CollectionCase collectionCase, String user, String reason) {
		String text = "Reported unreachable by " + user + (reason == null || reason.isBlank() ? "." : ": " + reason.trim());
		customers.reportVanished(collectionCase.getCustomerId(), text);
		collectionCase.vanishedReportedBy(user);
		log(collectionCase.getId(), "VANISHED", text, user);
		changed(collectionCase, "customer reported vanished");
	}

	@Transactional
	public void recordLetterSent(long caseId, String user, String via) {
		log(openCase(caseId).getId(), "LETTER_SENT", "Dunning letter sent" + (via == null || via.isBlank() ? "." : " by " + via + "."), user);
	}

	/** The regional manager's decision at day 60. */
	@Transactional
	public void recordDecision(long caseId, String user, CollectionCase.Action action, Integer instalmentCount,
			LocalDate firstDueDate, String notes, LocalDate today) {
		CollectionCase collectionCase = openCase(caseId);
		if (action == null) {
			String message = Messages.text("collection.actionMissing");
			throw new InvalidRequestException(message, Map.of(OverdueCollectionProcess.COLLECTION_ACTION, message));
		}
		String text = switch (action) {
			case PAYMENT_PLAN -> agreePlan(collectionCase, instalmentCount, firstDueDate, today);
			case LEGAL_ACTION -> "Legal action: the case goes to the legal department.";
			case COLLECTION_AGENCY -> "Handed to a collection agency.";
			case PROPOSE_WRITE_OFF -> {
				collectionCase.proposeWriteOff(user);
				yield "Write-off proposed by " + user + "; another regional manager must approve it.";
			}
		};
		collectionCase.decided(action);
		log(caseId, "DECISION_" + action.name(), text + (notes == null || notes.isBlank() ? "" : " " + notes.trim()), user);
	}

	private String agreePlan(CollectionCase collectionCase, Integer count, LocalDate firstDue, LocalDate today) {
		Map<String, String> errors = new HashMap<>();
		if (count == null || count < 2 || count > 12) {
			errors.put(OverdueCollectionProcess.PLAN_INSTALMENTS, Messages.text("collection.planInstalmentsOutOfRange"));
		}
		if (firstDue == null || firstDue.isBefore(today) || firstDue.isAfter(today.plusDays(60))) {
			errors.put(OverdueCollectionProcess.PLAN_FIRST_DUE_DATE, Messages.text("collection.planFirstDueOutOfRange"));
		}
		if (!instalments.findByCaseIdOrderBySeq(collectionCase.getId()).isEmpty()) {
			errors.put(OverdueCollectionProcess.COLLECTION_ACTION, Messages.text("collection.planExists"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(String.join(" ", errors.values()), errors);
		}
		BigDecimal total = collectionCase.getOverdueAmount();
		BigDecimal each = total.divide(BigDecimal.valueOf(count), 2, RoundingMode.DOWN);
		StringBuilder text = new StringBuilder("Payment plan over " + Money.format(total) + ":");
		for (int i = 1; i <= count; i++) {
			BigDecimal amount = i == count ? total.subtract(each.multiply(BigDecimal.valueOf(count - 1))) : each;
			LocalDate due = firstDue.plusMonths(i - 1);
			instalments.save(new Instalment(collectionCase.getId(), i, due, amount, today));
			text.append(' ').append(i).append(") ").append(Money.format(amount)).append(" by ").append(due).append(i == count ? "." : ";");
		}
		return text.toString();
	}

	/** The regional manager approves or rejects a proposed write-off. Four eyes: never the proposer. */
	@Transactional
	public void recordWriteOffDecision(long caseId, String approver, boolean approve, String comment) {
		CollectionCase collectionCase = openCase(caseId);
		checkMayApproveWriteOff(collectionCase, approver);
		if (!approve && (comment == null || comment.isBlank())) {
			String message = Messages.text("collection.writeOffRejectionReasonMissing");
			throw new InvalidRequestException(message, Map.of(OverdueCollectionProcess.WRITE_OFF_COMMENT, message));
		}
		log(caseId, approve ? "WRITE_OFF_APPROVED" : "WRITE_OFF_REJECTED",
				(approve ? "Write-off approved" : "Write-off rejected") + (comment == null || comment.isBlank() ? "." : ": " + comment.trim()),
				approver);
		if (!approve) {
			collectionCase.proposeWriteOff(null);
		}
	}

	void checkMayApproveWriteOff(CollectionCase collectionCase, String approver) {
		if (approver == null) {
			throw new ConflictException(Messages.text("collection.claimWriteOffFirst"));
		}
		if (approver.equals(collectionCase.getWriteOffProposedBy()) || approver.equals(collectionCase.getVanishedReportedBy())) {
			throw new com.creditdesk.system.FourEyesViolation(Messages.text("collection.ownWriteOffProposal", approver));
		}
	}

	/** The regional manager's proposal as recorded (with the note), or the policy's reason for a day-90 proposal. */
	private String proposalReason(long caseId, String proposer, int daysPastDue) {
		String fallback = "Uncollectable after " + daysPastDue + " days.";
		if (SYSTEM.equals(proposer)) {
			return fallback;
		}
		return historyOf(caseId).stream()
			.filter(event -> ("DECISION_" + CollectionCase.Action.PROPOSE_WRITE_OFF.name()).equals(event.getKind()))
			.map(CollectionEvent::getDetail)
			.reduce((first, last) -> last)
			.map(detail -> detail.length() > 1000 ? detail.substring(0, 999) + "…" : detail)
			.orElse(fallback);
	}

	/** Another action was decided while a write-off proposal waited for approval: the proposal is withdrawn. */
	@Transactional
	void withdrawWriteOffProposal(long caseId, String user, CollectionCase.Action action) {
		log(caseId, "WRITE_OFF_PROPOSAL_WITHDRAWN", "The pending write-off proposal is withdrawn: " + user + " decided "
				+ action.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ".", user);
	}

	/**
	 * Writes off the case's overdue items (every open item of a vanished debtor) and charges each person's share:
	 * the uncovered part in full to the rep, the covered part by the policy percentages to the rep and to the
	 * approver who granted the limit. The customer loses credit; the case ends.
	 */
	@Transactional
	WriteOff writeOff(long caseId, String approver, LocalDate today) {
		CollectionCase collectionCase = openCase(caseId);
		checkMayApproveWriteOff(collectionCase, approver);
		Customer customer = customers.get(collectionCase.getCustomerId());
		boolean vanished = customer.getStatus() == CustomerStatus.VANISHED;
		LiabilitySplit split = split(overdues.writeOff(customer.getId(), writeOffCandidates(customer, today)));
		String proposer = collectionCase.getWriteOffProposedBy() == null ? SYSTEM : collectionCase.getWriteOffProposedBy();
		WriteOff writeOff = writeOffs.saveAndFlush(new WriteOff(caseId, customer.getId(), proposer, approver,
				vanished ? "Debtor vanished." : proposalReason(caseId, proposer, collectionCase.getDaysPastDue()), split));
		for (LiabilitySplit.Share share : split.shares()) {
			liabilities.save(new BadDebtLiability(writeOff.getId(), share));
		}
		customers.makeCashOnly(customer.getId(), null, "Bad debt of " + Money.format(split.total()) + " written off on "
				+ today + " (collection case " + caseId + ").", null);
		customers.liftCollectionHold(customer.getId(), caseId);
		collectionCase.close(CollectionCase.Status.WRITTEN_OFF, "Written off: " + Money.format(split.total()) + ".");
		log(caseId, "WRITTEN_OFF", splitText(split), approver);
		return writeOff;
	}

	/** The split in one paragraph, for the case history and the approval form. */
	static String splitText(LiabilitySplit split) {
		Map<String, BigDecimal> perPerson = new java.util.TreeMap<>();
		for (LiabilitySplit.Share share : split.shares()) {
			perPerson.merge(share.person() + " (" + share.role().name().toLowerCase() + ")", share.amount(), BigDecimal::add);
		}
		return "Written off " + Money.format(split.total()) + ": " + Money.format(split.uncovered())
				+ " beyond the approved limit, " + Money.format(split.covered()) + " within it. Charged: "
				+ perPerson.entrySet().stream().map(e -> e.getKey() + " " + Money.format(e.getValue()))
					.collect(Collectors.joining(", "))
				+ "; the company bears " + Money.format(split.company()) + "."
				+ (split.coveredWithoutApprover().signum() > 0 ? " No approving credit decision is on record for "
						+ Money.format(split.coveredWithoutApprover()) + " within the limit: no approver is charged for it." : "");
	}

	/** What writing off now would charge whom (shown to the approving regional manager). */
	@Transactional(readOnly = true)
	String previewWriteOff(long caseId, LocalDate today) {
		CollectionCase collectionCase = get(caseId);
		Customer customer = customers.get(collectionCase.getCustomerId());
		LiabilitySplit split = split(overdues.previewWriteOff(writeOffCandidates(customer, today)));
		return splitText(split).replace("Written off", "Writing off would take");
	}

	/** What a write-off takes off the books: the overdue items, or every open item of a vanished debtor. */
	private List<Long> writeOffCandidates(Customer customer, LocalDate today) {
		List<OverdueItem> items = customer.getStatus() == CustomerStatus.VANISHED
				? overdues.openItems(customer.getId(), today) : overdues.overdueItems(customer.getId(), today);
		return items.stream().map(OverdueItem::receivableId).toList();
	}

	/** Who is charged what for these written-off amounts, at the configured percentages. */
	private LiabilitySplit split(List<WrittenOffItem> items) {
		return LiabilitySplit.of(items, properties.repSharePercent(), properties.approverSharePercent(),
				decisionId -> decisions.grantingApprover(decisionId).orElse(null));
	}

	// ---------------------------------------------------------------- disputes

	@Transactional
	public Dispute raiseDispute(long caseId, String invoiceNumber, String reason, String user, LocalDate today) {
		CollectionCase collectionCase = openCase(caseId);
		if (reason == null || reason.isBlank()) {
			String message = Messages.text("collection.disputeReasonMissing");
			throw new InvalidRequestException(message, Map.of("reason", message));
		}
		OverdueItem item = overdues.openItems(collectionCase.getCustomerId(), today)
			.stream()
			.filter(candidate -> candidate.invoiceNumber().equalsIgnoreCase(invoiceNumber == null ? "" : invoiceNumber.trim()))
			.findFirst()
			.orElseThrow(() -> {
				String message = Messages.text("collection.invoiceNotOpen", String.valueOf(invoiceNumber));
				return new InvalidRequestException(message, Map.of("invoiceNumber", message));
			});
		boolean alreadyOpen = disputes.findByCaseIdAndStatus(caseId, Dispute.Status.OPEN)
			.stream()
			.anyMatch(open -> open.getReceivableId() == item.receivableId());
		if (alreadyOpen) {
			throw new ConflictException(Messages.text("collection.invoiceAlreadyDisputed", item.invoiceNumber()));
		}
		Dispute dispute = disputes.saveAndFlush(new Dispute(caseId, item.receivableId(), reason.trim(), user));
		log(caseId, "DISPUTE", "Invoice " + item.invoiceNumber() + " (" + Money.format(item.openAmount())
				+ ") disputed: " + reason.trim() + " It is left out of escalation until resolved.", user);
		events.publishEvent(new DisputeRaised(caseId, collectionCase.getProcessInstanceId(), dispute.getId(),
				"Invoice " + item.invoiceNumber() + " (" + Money.format(item.openAmount()) + " open, due "
						+ item.dueDate() + ") disputed, recorded by " + user + ": " + reason.trim()));
		return dispute;
	}

	@Transactional(readOnly = true)
	String disputeText(long disputeId) {
		Dispute dispute = disputes.findById(disputeId).orElseThrow();
		String invoice = overdues.invoiceNumberOf(dispute.getReceivableId());
		return "Invoice " + invoice + " disputed by the customer (recorded by " + dispute.getRaisedBy() + "): "
				+ dispute.getReason();
	}

	@Transactional
	public void resolveDispute(long disputeId, String user, boolean upheld, String notes) {
		Dispute dispute = disputes.findById(disputeId)
			.orElseThrow(() -> new NotFoundException(Messages.text("collection.disputeNotFound", String.valueOf(disputeId))));
		if (dispute.getStatus() != Dispute.Status.OPEN) {
			throw new ConflictException(Messages.text("collection.disputeAlreadyResolved", String.valueOf(disputeId)));
		}
		if (notes == null || notes.isBlank()) {
			String message = Messages.text("collection.disputeResolutionMissing");
			throw new InvalidRequestException(message, Map.of(OverdueCollectionProcess.DISPUTE_NOTES, message));
		}
		dispute.resolve(upheld ? Dispute.Status.UPHELD : Dispute.Status.REJECTED, notes.trim(), user);
		log(dispute.getCaseId(), "DISPUTE_RESOLVED", (upheld ? "Dispute upheld (a credit note follows from the ERP): "
				: "Dispute rejected; the invoice is chased again: ") + notes.trim(), user);
		CollectionCase collectionCase = get(dispute.getCaseId());
		if (collectionCase.isOpen()) {
			changed(collectionCase, "dispute resolved");
		}
	}

	// ---------------------------------------------------------------- helpers and views

	private CollectionCase openCase(long caseId) {
		CollectionCase collectionCase = get(caseId);
		if (!collectionCase.isOpen()) {
			throw new ConflictException(Messages.text("collection.caseClosed", String.valueOf(caseId),
					String.valueOf(collectionCase.getStatus())));
		}
		return collectionCase;
	}

	void changed(CollectionCase collectionCase, String reason) {
		events.publishEvent(new CollectionCaseChanged(collectionCase.getId(), collectionCase.getProcessInstanceId(), reason));
	}

	void log(long caseId, String kind, String detail, String user) {
		history.save(new CollectionEvent(caseId, kind, detail, user));
	}

	@Transactional(readOnly = true)
	List<CollectionAction> actionsOf(long caseId) {
		return actions.findByCaseIdOrderByDoneAtAscIdAsc(caseId);
	}

	@Transactional(readOnly = true)
	List<CollectionEvent> historyOf(long caseId) {
		return history.findByCaseIdOrderByRecordedAtAscIdAsc(caseId);
	}

	@Transactional(readOnly = true)
	List<PaymentPromise> promisesOf(long caseId) {
		return promises.findByCaseIdOrderByRecordedAtAscIdAsc(caseId);
	}

	@Transactional(readOnly = true)
	List<Instalment> planOf(long caseId) {
		return instalments.findByCaseIdOrderBySeq(caseId);
	}

	@Transactional(readOnly = true)
	List<Dispute> disputesOf(long caseId) {
		return disputes.findByCaseIdOrderByRaisedAtAscIdAsc(caseId);
	}

	@Transactional(readOnly = true)
	List<CollectionDocument> documentsOf(long caseId) {
		return documents.findByCaseIdOrderByCreatedAtAscIdAsc(caseId);
	}

	@Transactional(readOnly = true)
	CollectionDocument document(long caseId, long documentId) {
		return documents.findById(documentId)
			.filter(document -> document.getCaseId() == caseId)
			.orElseThrow(() -> new NotFoundException(Messages.text("collection.documentNotFound", String.valueOf(caseId),
					String.valueOf(documentId))));
	}

	@Transactional(readOnly = true)
	java.util.Optional<WriteOff> writeOffOf(long caseId) {
		return writeOffs.findByCaseId(caseId);
	}

	@Transactional(readOnly = true)
	List<BadDebtLiability> liabilitiesOf(long writeOffId) {
		return liabilities.findByWriteOffIdOrderByIdAsc(writeOffId);
	}

	@Transactional(readOnly = true)
	List<BadDebtLiability> liabilities(String person) {
		return person == null ? liabilities.findAllByOrderByPersonAscRecordedAtDescIdAsc()
				: liabilities.findByPersonOrderByRecordedAtDescIdAsc(person);
	}

	@Transactional(readOnly = true)
	List<CollectionCase> cases(CollectionCase.Status status) {
		return cases.findByStatusOrderByOpenedAtDesc(status);
	}

	@Transactional(readOnly = true)
	List<CollectionCase> casesOf(long customerId) {
		return cases.findByCustomerIdOrderByOpenedAtDesc(customerId);
	}

	static Date startOfNextDay(java.time.LocalDateTime now) {
		return Date.from(now.toLocalDate().plusDays(1).atTime(0, 5).atZone(java.time.ZoneId.systemDefault()).toInstant());
	}

}
