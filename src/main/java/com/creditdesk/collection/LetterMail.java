package com.creditdesk.collection;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.creditdesk.notification.Notifications;
import com.creditdesk.system.Labels;
import com.creditdesk.system.Money;

/**
 * Sends the case's dunning letter to the customer by e-mail, as a PDF attachment, when the rep chose "E-mail" and
 * gave an address on the letter task. The mail is recorded with the case ({@code collection-case:<id>}): who sent
 * it, when and to whom; it leaves after the task's commit.
 */
@Component
class LetterMail {

	private final CollectionDocumentRepository documents;

	private final Notifications notifications;

	private final Labels labels;

	private final com.fasterxml.jackson.databind.ObjectMapper json;

	LetterMail(CollectionDocumentRepository documents, Notifications notifications, Labels labels,
			com.fasterxml.jackson.databind.ObjectMapper json) {
		this.documents = documents;
		this.notifications = notifications;
		this.labels = labels;
		this.json = json;
	}

	/**
	 * Queues the letter to the address; answers what the case's history says about it, or null when no address was
	 * given (sent by hand). An address that is no e-mail address is refused with the field named.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	String send(long caseId, String user, String address) throws com.fasterxml.jackson.core.JsonProcessingException {
		if (address == null || address.isBlank()) {
			return null;
		}
		CollectionDocument document = documents.findByCaseIdOrderByCreatedAtAscIdAsc(caseId)
			.stream()
			.filter(d -> CollectionDocument.DUNNING_LETTER.equals(d.getKind()))
			.max(Comparator.comparing(CollectionDocument::getId))
			.orElseThrow(() -> new IllegalStateException("Collection case " + caseId + " has no dunning letter"));
		DunningLetters.Letter letter = json.readValue(document.getSnapshot(), DunningLetters.Letter.class);
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("customerName", letter.customerName());
		model.put("total", Money.format(letter.total()));
		model.put("payBy", letter.payBy().toString());
		model.put("senderName", labels.person(user));
		long mailId = notifications.toAddress(OverdueCollectionProcess.LETTER_MAIL_TO, address,
				"dunning-letter", model, DunningLetterAttachments.KIND + ":" + document.getId(), about(caseId), user);
		return "to " + address.strip() + " (PDF attached, mail #" + mailId + ")";
	}

	static String about(long caseId) {
		return "collection-case:" + caseId;
	}

}
