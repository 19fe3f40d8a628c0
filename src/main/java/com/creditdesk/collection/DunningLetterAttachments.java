package com.creditdesk.collection;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.creditdesk.notification.MailAttachmentSource;

/** The dunning letter's PDF for a mail that sends it ({@code dunning-letter:<document id>}), printed when sent. */
@Component
class DunningLetterAttachments implements MailAttachmentSource {

	static final String KIND = "dunning-letter";

	private final CollectionDocumentRepository documents;

	private final CollectionQueries queries;

	DunningLetterAttachments(CollectionDocumentRepository documents, CollectionQueries queries) {
		this.documents = documents;
		this.queries = queries;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	@Transactional(readOnly = true)
	public Attachment render(String reference) {
		long documentId = Long.parseLong(reference);
		CollectionDocument document = documents.findById(documentId)
			.orElseThrow(() -> new IllegalStateException("No dunning letter " + documentId));
		return new Attachment(document.getFileName() + ".pdf", "application/pdf", queries.letterPdf(document));
	}

}
