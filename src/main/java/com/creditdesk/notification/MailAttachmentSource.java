package com.creditdesk.notification;

/**
 * Renders what a mail names as its attachment (e.g. {@code dunning-letter:12}) when the mail is sent: the capability
 * that owns the document implements it, so the outbox stores a reference, not a second copy.
 */
public interface MailAttachmentSource {

	/** A PDF (or other file) to attach. */
	record Attachment(String fileName, String contentType, byte[] content) {
	}

	/** The prefix of the references it renders, e.g. {@code dunning-letter}. */
	String kind();

	/** Renders the document the reference names (what follows {@code kind:}, e.g. {@code 12}). */
	Attachment render(String reference);

}
