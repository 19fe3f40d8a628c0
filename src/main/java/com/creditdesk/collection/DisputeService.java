package com.creditdesk.collection;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.creditdesk.receivable.Overdues;
import com.creditdesk.receivable.Overdues.OverdueItem;
import com.creditdesk.system.ConflictException;
import com.creditdesk.system.InvalidRequestException;
import com.creditdesk.system.Messages;
import com.creditdesk.system.Money;
import com.creditdesk.system.NotFoundException;

/** Disputed invoices: raised from a case (left out of escalation until resolved) and resolved by a manager. */
@Service
public class DisputeService {

	private final CollectionService collections;

	private final DisputeRepository disputes;

	private final Overdues overdues;

	private final ApplicationEventPublisher events;

	DisputeService(CollectionService collections, DisputeRepository disputes, Overdues overdues,
			ApplicationEventPublisher events) {
		this.collections = collections;
		this.disputes = disputes;
		this.overdues = overdues;
		this.events = events;
	}

	@Transactional
	public Dispute raiseDispute(long caseId, String invoiceNumber, String reason, String user, LocalDate today) {
		CollectionCase collectionCase = collections.openCase(caseId);
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
		collections.log(caseId, "DISPUTE", "Invoice " + item.invoiceNumber() + " (" + Money.format(item.openAmount())
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
		collections.log(dispute.getCaseId(), "DISPUTE_RESOLVED", (upheld ? "Dispute upheld (a credit note follows from the ERP): "
				: "Dispute rejected; the invoice is chased again: ") + notes.trim(), user);
		CollectionCase collectionCase = collections.get(dispute.getCaseId());
		if (collectionCase.isOpen()) {
			collections.changed(collectionCase, "dispute resolved");
		}
	}

}
