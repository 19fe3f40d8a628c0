package com.creditdesk.collection;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import com.creditdesk.receivable.ReceivablesSettled;
import com.creditdesk.review.ReevaluationService;
import com.creditdesk.review.TriggerKind;
import com.creditdesk.system.SystemActions;

/**
 * Brings what happened elsewhere to the running case as BPMN messages, once the change that caused it has
 * committed: payments and credit notes from the ledger, promises, vanished debtors and disputes from the case
 * itself. A message that cannot be delivered right now is not lost: the case checks the ledger again every day.
 */
@Component
class CollectionMessages {

	private static final Logger log = LoggerFactory.getLogger(CollectionMessages.class);

	private final RuntimeService runtime;

	private final IdentityService identity;

	private final CollectionCaseRepository cases;

	private final ReevaluationService reevaluations;

	private final TransactionTemplate newTransaction;

	CollectionMessages(RuntimeService runtime, IdentityService identity, CollectionCaseRepository cases,
			ReevaluationService reevaluations, PlatformTransactionManager transactionManager) {
		this.runtime = runtime;
		this.identity = identity;
		this.cases = cases;
		this.reevaluations = reevaluations;
		this.newTransaction = new TransactionTemplate(transactionManager);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void paymentReceived(ReceivablesSettled settled) {
		CollectionCase open = newTransaction.execute(status -> cases.findOpen(settled.customerId()).orElse(null));
		if (open != null) {
			caseChanged(open.getProcessInstanceId(), settled.description());
		}
	}

	@TransactionalEventListener(fallbackExecution = true)
	void caseChanged(CollectionCaseChanged changed) {
		caseChanged(changed.processInstanceId(), changed.reason());
	}

	@TransactionalEventListener(fallbackExecution = true)
	void disputeRaised(DisputeRaised raised) {
		asSystem(() -> runtime.createMessageCorrelation(OverdueCollectionProcess.MESSAGE_DISPUTE_RAISED)
			.processInstanceId(raised.processInstanceId())
			.setVariablesLocal(Map.of(OverdueCollectionProcess.DISPUTE_ID, raised.disputeId(),
					OverdueCollectionProcess.DISPUTE_TEXT, raised.text()))
			.correlate(), "dispute " + raised.disputeId());
		caseChanged(raised.processInstanceId(), "invoice disputed");
	}

	@TransactionalEventListener(fallbackExecution = true)
	void promiseBroken(PromiseBroken broken) {
		try {
			newTransaction.executeWithoutResult(status -> reevaluations.trigger(broken.customerId(),
					TriggerKind.BROKEN_PROMISE, broken.reason(), null));
		}
		catch (RuntimeException e) {
			log.error("Could not start the credit re-evaluation of customer {} after a broken promise: {}",
					broken.customerId(), e.getMessage(), e);
		}
	}

	/** Sends {@code CollectionCaseChanged} to the case's process: it reassesses the ledger at once. */
	void caseChanged(String processInstanceId, String reason) {
		asSystem(() -> runtime.createMessageCorrelation(OverdueCollectionProcess.MESSAGE_CASE_CHANGED)
			.processInstanceId(processInstanceId)
			.setVariable("lastChange", reason)
			.correlate(), reason);
	}

	private void asSystem(Runnable correlation, String what) {
		try {
			// a system action: the person who paid or recorded needs no process rights
			SystemActions.asSystem(identity, () -> {
				for (int attempt = 1;; attempt++) {
					try {
						newTransaction.executeWithoutResult(status -> correlation.run());
						return;
					}
					catch (OptimisticLockingException e) {
						if (attempt == 3) {
							throw e;
						}
					}
				}
			});
		}
		catch (MismatchingMessageCorrelationException e) {
			log.info("Collection case not waiting for '{}' right now; its daily check picks the change up", what);
		}
		catch (RuntimeException e) {
			log.warn("Could not tell the collection case about '{}': {}; its daily check picks the change up", what,
					e.getMessage(), e);
		}
	}

}
