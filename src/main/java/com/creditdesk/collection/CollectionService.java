package com.creditdesk.collection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.creditdesk.customer.CreditHold;
import com.creditdesk.customer.Customer;
import com.creditdesk.customer.CustomerService;
import com.creditdesk.customer.CustomerStatus;
import com.creditdesk.receivable.Overdues.OverdueItem;
import com.creditdesk.receivable.Overdues;
import com.creditdesk.system.ConflictException;
import com.creditdesk.system.Messages;
import com.creditdesk.system.Money;
import com.creditdesk.system.NotFoundException;

/**
 * The overdue collection case and its stages: opening it, assessing what is overdue (promises kept or broken,
 * instalments paid or missed), performing each stage's action once, settling or cancelling it. What people record
 * is in {@link CollectionRecords}, disputes in {@link DisputeService}, the write-off in {@link WriteOffService}, what
 * is read in {@link CollectionQueries}.
 * <p>
 * Longer than 300 lines on purpose: it keeps the case's lifecycle and its stage engine (assessment of promises and
 * plans, the once-only stage actions) together, because both change the case in one transaction; what people
 * record, disputes, write-off and reads live in their own classes.
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

	private final Overdues overdues;

	private final CustomerService customers;

	private final CollectionProperties properties;

	private final CollectionStages stages;

	private final ApplicationEventPublisher events;

	private final com.fasterxml.jackson.databind.ObjectMapper json;

	CollectionService(CollectionCaseRepository cases, CollectionActionRepository actions,
			CollectionEventRepository history, PaymentPromiseRepository promises, InstalmentRepository instalments,
			DisputeRepository disputes, CollectionDocumentRepository documents, Overdues overdues,
			CustomerService customers, CollectionProperties properties, CollectionStages stages,
			ApplicationEventPublisher events, com.fasterxml.jackson.databind.ObjectMapper json) {
		this.stages = stages;
		this.json = json;
		this.cases = cases;
		this.actions = actions;
		this.history = history;
		this.promises = promises;
		this.instalments = instalments;
		this.disputes = disputes;
		this.documents = documents;
		this.overdues = overdues;
		this.customers = customers;
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

	/**
	 * The case's stage and what reaching it did now (each stage's action only the first time): the built-in actions
	 * performed and the codes of the stage tasks to open.
	 */
	record StageOutcome(String stage, Set<CollectionStages.Action> performed, List<String> stageTasks, Long letterId) {

		boolean reminder() {
			return performed.contains(CollectionStages.Action.REMINDER);
		}

		boolean letter() {
			return performed.contains(CollectionStages.Action.LETTER);
		}

		boolean managementContact() {
			return performed.contains(CollectionStages.Action.CREDIT_HOLD);
		}

		/** A case first found at 90+ days goes to the write-off approval alone; a rejection opens the decision. */
		boolean regionalDecision() {
			return performed.contains(CollectionStages.Action.REGIONAL_DECISION) && !writeOffApproval();
		}

		boolean writeOffApproval() {
			return performed.contains(CollectionStages.Action.WRITE_OFF);
		}

	}

	/**
	 * Moves the case to the stage policy says is due (raised by broken promises; held while a promise or a plan
	 * runs) and performs each stage's action up to it that this case has not performed yet. Exactly once per case:
	 * the action table's unique key refuses a second one even from a concurrent run.
	 */
	@Transactional
	StageOutcome applyStage(long caseId, String policyStage, boolean paused, boolean stageTasksOpen, LocalDate today) {
		CollectionCase collectionCase = get(caseId);
		String current = collectionCase.getStage();
		String target = paused ? current : stages.raised(policyStage, collectionCase.getEscalation());
		if (CollectionStages.NONE.equals(target)) {
			// overdue, but every overdue item is disputed: hold the stage (a new case starts at the first stage)
			target = CollectionStages.NONE.equals(current) ? stages.stages().get(0).code() : current;
		}
		if (!target.equals(current)) {
			log(caseId, "STAGE", (CollectionStages.NONE.equals(current) ? "Stage " : "Stage changed from "
					+ stages.name(current) + " to ") + stages.name(target) + " (" + collectionCase.getDaysPastDue()
					+ " days past due" + (collectionCase.getEscalation() > 0 ? ", escalated " + collectionCase.getEscalation()
							+ " stage(s) for broken promises" : "") + ").", null);
			collectionCase.moveTo(target);
		}
		EnumSet<CollectionStages.Action> performed = EnumSet.noneOf(CollectionStages.Action.class);
		List<String> stageTasks = new java.util.ArrayList<>();
		Long letterId = null;
		for (CollectionStages.Stage stage : stages.upTo(target)) {
			if (actions.existsByCaseIdAndAction(caseId, stage.code())
					|| stage.action() == CollectionStages.Action.TASK && !stageTasksOpen) {
				// a case still running on a process version without the stage task: its task waits (not recorded as
				// done) until the case runs on a version that can open it
				continue;
			}
			String detail = switch (stage.action()) {
				case REMINDER -> "Reminder task for " + customers.get(collectionCase.getCustomerId()).getResponsibleRep() + ".";
				case LETTER -> {
					CollectionDocument letter = writeLetter(collectionCase, today);
					letterId = letter.getId();
					yield "Dunning letter " + letter.getFileName() + " over " + Money.format(letter.getTotalAmount()) + ".";
				}
				case CREDIT_HOLD -> {
					events.publishEvent(new CreditHold.Placed(collectionCase.getCustomerId(), holder(caseId),
							"Collection case " + caseId + ": receivables " + collectionCase.getDaysPastDue()
									+ " days overdue."));
					yield "Credit hold placed; the direct-sales manager contacts the customer's management.";
				}
				case REGIONAL_DECISION -> "The regional manager decides the next collection step.";
				case TASK -> {
					stageTasks.add(stage.code());
					yield stage.task() + ": task for " + (stages.candidateGroup(stage.code()) == null
							? customers.get(collectionCase.getCustomerId()).getResponsibleRep()
							: stages.candidateGroup(stage.code())) + ".";
				}
				case WRITE_OFF -> {
					String proposer = collectionCase.getVanishedReportedBy() != null ? collectionCase.getVanishedReportedBy()
							: SYSTEM;
					collectionCase.proposeWriteOff(proposer);
					yield "Write-off proposed to the regional managers"
							+ (SYSTEM.equals(proposer) ? " by policy." : " after " + proposer + " reported the customer vanished.");
				}
			};
			actions.saveAndFlush(new CollectionAction(caseId, stage.code(), detail, null));
			log(caseId, stage.code(), detail, null);
			performed.add(stage.action());
		}
		return new StageOutcome(target, performed, stageTasks, letterId);
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
		return documents.saveAndFlush(new CollectionDocument(collectionCase.getId(), CollectionDocument.DUNNING_LETTER,
				"dunning-letter-" + customer.getCreditCode() + "-" + today, "text/html;charset=UTF-8",
				DunningLetters.html(letter), letter.total(), snapshot));
	}

	/** Who holds a customer's credit because of this case (customer.CreditHold): only this case lifts it. */
	static String holder(long caseId) {
		return "collection-case:" + caseId;
	}

	/** The credit hold this case placed, if any, is lifted with the change that ends the case. */
	void liftHold(long customerId, long caseId) {
		events.publishEvent(new CreditHold.Lifted(customerId, holder(caseId)));
	}

	/** Nothing is overdue any more: the case ends and the hold it placed is lifted. */
	@Transactional
	void settle(long caseId) {
		CollectionCase collectionCase = get(caseId);
		if (!collectionCase.isOpen()) {
			return;
		}
		liftHold(collectionCase.getCustomerId(), caseId);
		collectionCase.close(CollectionCase.Status.SETTLED, "All overdue receivables paid or credited.");
		log(caseId, "SETTLED", "All overdue receivables paid or credited; any credit hold from this case lifted.", null);
	}

	/** The process was cancelled (in Cockpit): the case closes so a new one can open. */
	@Transactional
	void cancel(String processInstanceId) {
		cases.findByProcessInstanceId(processInstanceId).filter(CollectionCase::isOpen).ifPresent(collectionCase -> {
			liftHold(collectionCase.getCustomerId(), collectionCase.getId());
			collectionCase.close(CollectionCase.Status.CANCELLED, "The collection process was cancelled.");
			log(collectionCase.getId(), "CANCELLED", "The collection process was cancelled.", null);
		});
	}

	/** The case, refused (409) when it is closed. */
	CollectionCase openCase(long caseId) {
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

	static Date startOfNextDay(java.time.LocalDateTime now) {
		return Date.from(now.toLocalDate().plusDays(1).atTime(0, 5).atZone(java.time.ZoneId.systemDefault()).toInstant());
	}

}
