package com.creditdesk.collection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.creditdesk.customer.CustomerService;
import com.creditdesk.system.InvalidRequestException;
import com.creditdesk.system.Messages;
import com.creditdesk.system.Money;

/**
 * What the people working a collection case record: contacts and promises to pay, a debtor reported vanished, the
 * letter sent, the regional manager's decision and the payment plan it agrees.
 */
@Service
public class CollectionRecords {

	private final CollectionService collections;

	private final PaymentPromiseRepository promises;

	private final InstalmentRepository instalments;

	private final CustomerService customers;

	private final CollectionProperties properties;

	private final CollectionStages stages;

	CollectionRecords(CollectionService collections, PaymentPromiseRepository promises,
			InstalmentRepository instalments, CustomerService customers, CollectionProperties properties,
			CollectionStages stages) {
		this.stages = stages;
		this.collections = collections;
		this.promises = promises;
		this.instalments = instalments;
		this.customers = customers;
		this.properties = properties;
	}

	/** The outcome of a call or visit, with an optional promise to pay or the report that the customer vanished. */
	@Transactional
	public void recordContact(long caseId, String user, String outcome, String notes, boolean promise,
			LocalDate promisedDate, BigDecimal promisedAmount, boolean unreachable, LocalDate today) {
		CollectionCase collectionCase = collections.openCase(caseId);
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
		collections.log(caseId, "CONTACT", text, user);
		if (promise) {
			for (PaymentPromise earlier : promises.findByCaseIdAndStatus(caseId, PaymentPromise.Status.OPEN)) {
				earlier.settle(PaymentPromise.Status.SUPERSEDED);
			}
			BigDecimal amount = promisedAmount.setScale(2, RoundingMode.HALF_UP);
			promises.save(new PaymentPromise(caseId, promisedDate, amount, today, user));
			collections.log(caseId, "PROMISE", "Promise to pay " + Money.format(amount) + " by " + promisedDate
					+ "; escalation waits until " + promisedDate.plusDays(properties.promiseGraceDays()) + ".", user);
		}
		if (unreachable) {
			reportVanished(collectionCase, user, notes);
		}
	}

	/** The rep reports the customer unreachable (at any stage): vanished, write-off proposal at once. */
	@Transactional
	public void reportVanished(long caseId, String user, String reason) {
		reportVanished(collections.openCase(caseId), user, reason);
	}

	private void reportVanished(CollectionCase collectionCase, String user, String reason) {
		String text = "Reported unreachable by " + user + (reason == null || reason.isBlank() ? "." : ": " + reason.trim());
		customers.reportVanished(collectionCase.getCustomerId(), text);
		collectionCase.vanishedReportedBy(user);
		collections.log(collectionCase.getId(), "VANISHED", text, user);
		collections.changed(collectionCase, "customer reported vanished");
	}

	/** The rep sent the letter (by {@code via}; {@code mailed}: CreditDesk mailed it, to whom, or null). */
	@Transactional
	public void recordLetterSent(long caseId, String user, String via, String mailed) {
		collections.log(collections.openCase(caseId).getId(), "LETTER_SENT", "Dunning letter sent"
				+ (via == null || via.isBlank() ? "" : " by " + via) + (mailed == null ? "" : " " + mailed) + ".", user);
	}

	/** The regional manager's decision at day 60. */
	@Transactional
	public void recordDecision(long caseId, String user, CollectionCase.Action action, Integer instalmentCount,
			LocalDate firstDueDate, String notes, LocalDate today) {
		CollectionCase collectionCase = collections.openCase(caseId);
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
		collections.log(caseId, "DECISION_" + action.name(), text + (notes == null || notes.isBlank() ? "" : " " + notes.trim()), user);
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

	/** What the person did at a stage task (a stage of action TASK): required, at most 1,500 characters. */
	@Transactional
	public void recordStageTask(long caseId, String stageCode, String user, String notes) {
		collections.openCase(caseId);
		if (notes == null || notes.isBlank() || notes.length() > 1500) {
			String message = Messages.text("collection.stageTaskNotesMissing");
			throw new InvalidRequestException(message, Map.of(OverdueCollectionProcess.STAGE_TASK_NOTES, message));
		}
		CollectionStages.Stage stage = stages.stages().stream().filter(s -> s.code().equals(stageCode)).findFirst().orElse(null);
		collections.log(caseId, "STAGE_TASK", (stage == null ? stageCode : stage.task()) + ": " + notes.trim(), user);
	}

}
