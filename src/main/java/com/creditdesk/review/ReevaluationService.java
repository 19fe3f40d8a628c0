package com.creditdesk.review;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.creditdesk.customer.Customer;
import com.creditdesk.customer.CustomerService;
import com.creditdesk.investigation.CreditInvestigationProcess;
import com.creditdesk.system.SystemActions;

/**
 * Starts credit re-evaluations: at most one open per customer. A trigger that arrives while a review (or an
 * investigation) is open joins it and is recorded, never a duplicate.
 */
@Service
public class ReevaluationService {

	private static final Logger log = LoggerFactory.getLogger(ReevaluationService.class);

	private final CustomerService customers;

	private final ReviewTriggerRepository triggers;

	private final RuntimeService runtime;

	private final IdentityService identity;

	private final TransactionTemplate transaction;

	ReevaluationService(CustomerService customers, ReviewTriggerRepository triggers, RuntimeService runtime,
			IdentityService identity, PlatformTransactionManager transactionManager) {
		this.customers = customers;
		this.triggers = triggers;
		this.runtime = runtime;
		this.identity = identity;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/** What a trigger did. */
	public record TriggerResult(ReviewTrigger.Outcome outcome, String processInstanceId) {
	}

	/**
	 * Starts a re-evaluation of the customer for the given reason, or joins the credit case already open.
	 * @param requestedBy the person asking, or null for the system (daily job, payment events)
	 */
	public TriggerResult trigger(long customerId, TriggerKind kind, String reason, String requestedBy) {
		TriggerResult joined = joinOpenCase(customerId, kind, reason, requestedBy);
		if (joined != null) {
			return joined;
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put(CreditInvestigationProcess.CUSTOMER_ID, customerId);
		variables.put(CreditReevaluationProcess.TRIGGER, kind.name());
		variables.put(CreditReevaluationProcess.REASON, reason);
		variables.put(CreditReevaluationProcess.INITIATOR, requestedBy);
		try {
			// a system action, after CreditDesk checked who may ask for it
			String id = SystemActions.asSystem(identity, () -> runtime
				.startProcessInstanceByKey(CreditReevaluationProcess.KEY, customers.get(customerId).getCreditCode(),
						variables)
				.getId());
			return new TriggerResult(ReviewTrigger.Outcome.STARTED, id);
		}
		catch (RuntimeException e) {
			// another trigger opened a case at the same moment: join that one
			TriggerResult raced = joinOpenCase(customerId, kind, reason, requestedBy);
			if (raced != null) {
				return raced;
			}
			throw e;
		}
	}

	/** The daily job: starts the reviews whose date has come or whose limit has expired. */
	public int startDueReviews(LocalDate today) {
		int started = 0;
		for (Customer customer : customers.dueForReview(today)) {
			boolean expired = customer.getLimitValidUntil() != null && customer.getLimitValidUntil().isBefore(today);
			TriggerKind kind = expired ? TriggerKind.LIMIT_EXPIRED : TriggerKind.PERIODIC;
			String reason = expired ? "The credit limit expired on " + customer.getLimitValidUntil() + "."
					: "Periodic review due on " + customer.getNextReviewDate() + " (grade "
							+ customer.getCreditGrade() + ").";
			try {
				if (trigger(customer.getId(), kind, reason, null).outcome() == ReviewTrigger.Outcome.STARTED) {
					started++;
				}
			}
			catch (RuntimeException e) {
				// one customer's failure must not stop the others' reviews; the next run tries again
				log.error("Could not start the credit review of customer {}: {}", customer.getId(), e.getMessage(), e);
			}
		}
		if (started > 0) {
			log.info("Started {} credit re-evaluations due by {}", started, today);
		}
		return started;
	}

	void recordStarted(long customerId, TriggerKind kind, String reason, String requestedBy,
			String processInstanceId) {
		triggers.save(new ReviewTrigger(customerId, kind, reason, requestedBy, processInstanceId,
				ReviewTrigger.Outcome.STARTED));
	}

	public List<ReviewTrigger> triggersOf(long customerId) {
		return triggers.findByCustomerIdOrderByCreatedAtDesc(customerId);
	}

	List<ReviewTrigger> triggersOfCase(String processInstanceId) {
		return triggers.findByProcessInstanceIdOrderByCreatedAt(processInstanceId);
	}

	private TriggerResult joinOpenCase(long customerId, TriggerKind kind, String reason, String requestedBy) {
		return transaction.execute(status -> {
			Customer customer = customers.get(customerId);
			String open = customer.getOpenCaseProcessId();
			if (open == null) {
				return null;
			}
			triggers.save(new ReviewTrigger(customerId, kind, reason, requestedBy, open, ReviewTrigger.Outcome.JOINED));
			return new TriggerResult(ReviewTrigger.Outcome.JOINED, open);
		});
	}

}
