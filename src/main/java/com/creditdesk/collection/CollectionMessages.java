package com.creditdesk.collection;

import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.creditdesk.receivable.ReceivablesSettled;
import com.creditdesk.system.FollowUpHandler;

/**
 * Brings what happened elsewhere to the running case as BPMN messages, as durable follow-ups delivered after the
 * change that caused them committed: payments and credit notes from the ledger, promises, vanished debtors and
 * disputes from the case itself. A case that is not waiting for the message right now (it is between steps) picks
 * the change up at its next daily check.
 */
@Component
class CollectionMessages {

	private static final Logger log = LoggerFactory.getLogger(CollectionMessages.class);

	private final RuntimeService runtime;

	private final CollectionCaseRepository cases;

	CollectionMessages(RuntimeService runtime, CollectionCaseRepository cases) {
		this.runtime = runtime;
		this.cases = cases;
	}

	/** Sends {@code CollectionCaseChanged} to the case's process: it reassesses the ledger at once. */
	void caseChanged(String processInstanceId, String reason) {
		correlate(() -> runtime.createMessageCorrelation(OverdueCollectionProcess.MESSAGE_CASE_CHANGED)
			.processInstanceId(processInstanceId)
			.setVariable(OverdueCollectionProcess.LAST_CHANGE, reason)
			.correlate(), reason);
	}

	private static void correlate(Runnable correlation, String what) {
		try {
			correlation.run();
		}
		catch (MismatchingMessageCorrelationException e) {
			log.info("Collection case not waiting for '{}' right now; its daily check picks the change up", what);
		}
	}

	@Component
	static class PaymentReceived implements FollowUpHandler<ReceivablesSettled> {

		private final CollectionMessages messages;

		PaymentReceived(CollectionMessages messages) {
			this.messages = messages;
		}

		@Override
		public Class<ReceivablesSettled> type() {
			return ReceivablesSettled.class;
		}

		/** A customer without an open case: the payment moves nothing (a case opened later sees it paid). */
		@Override
		public boolean relevant(ReceivablesSettled settled) {
			return messages.cases.findOpen(settled.customerId()).isPresent();
		}

		@Override
		public void deliver(ReceivablesSettled settled) {
			messages.cases.findOpen(settled.customerId())
				.ifPresent(open -> messages.caseChanged(open.getProcessInstanceId(), settled.description()));
		}

	}

	@Component
	static class CaseChanged implements FollowUpHandler<CollectionCaseChanged> {

		private final CollectionMessages messages;

		CaseChanged(CollectionMessages messages) {
			this.messages = messages;
		}

		@Override
		public Class<CollectionCaseChanged> type() {
			return CollectionCaseChanged.class;
		}

		@Override
		public void deliver(CollectionCaseChanged changed) {
			messages.caseChanged(changed.processInstanceId(), changed.reason());
		}

	}

	@Component
	static class DisputeOpened implements FollowUpHandler<DisputeRaised> {

		private final CollectionMessages messages;

		DisputeOpened(CollectionMessages messages) {
			this.messages = messages;
		}

		@Override
		public Class<DisputeRaised> type() {
			return DisputeRaised.class;
		}

		@Override
		public void deliver(DisputeRaised raised) {
			correlate(() -> messages.runtime.createMessageCorrelation(OverdueCollectionProcess.MESSAGE_DISPUTE_RAISED)
				.processInstanceId(raised.processInstanceId())
				.setVariablesLocal(Map.of(OverdueCollectionProcess.DISPUTE_ID, raised.disputeId(),
						OverdueCollectionProcess.DISPUTE_TEXT, raised.text()))
				.correlate(), "dispute " + raised.disputeId());
			messages.caseChanged(raised.processInstanceId(), "invoice disputed");
		}

	}

}
