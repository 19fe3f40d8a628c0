package com.creditdesk.notification;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One e-mail CreditDesk sends (or holds for a digest), with what became of it. */
@Entity
@Table(name = "outbound_mail")
class OutboundMail {

	enum Status {

		/** Waiting for its follow-up to send it. */
		QUEUED,
		/** Kept for the recipient's daily digest. */
		HELD,
		/** Sent as part of a digest. */
		DIGESTED,
		SENT

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String template;

	private String recipientUser;

	private String recipient;

	private String subject;

	private String body;

	private String attachment;

	private String about;

	private String requestedBy;

	@Enumerated(EnumType.STRING)
	private Status status;

	private int attempts;

	private String lastError;

	private Instant createdAt;

	private Instant sentAt;

	@Version
	private long version;

	protected OutboundMail() {
	}

	OutboundMail(String template, String recipientUser, String recipient, MailTemplates.Rendered text, String attachment,
			String about, String requestedBy, Status status) {
		this.template = template;
		this.recipientUser = recipientUser;
		this.recipient = recipient;
		this.subject = text.subject();
		// what fits the column: a body is never the reason a mail (or the step that caused it) fails
		this.body = text.body().length() <= 20_000 ? text.body() : text.body().substring(0, 19_990) + "\n…\n";
		this.attachment = attachment;
		this.about = about;
		this.requestedBy = requestedBy;
		this.status = status;
		this.createdAt = Instant.now();
	}

	void sent() {
		this.status = Status.SENT;
		this.sentAt = Instant.now();
		this.lastError = null;
	}

	void digested() {
		this.status = Status.DIGESTED;
		this.sentAt = Instant.now();
	}

	Long getId() {
		return id;
	}

	String getTemplate() {
		return template;
	}

	String getRecipientUser() {
		return recipientUser;
	}

	String getRecipient() {
		return recipient;
	}

	String getSubject() {
		return subject;
	}

	String getBody() {
		return body;
	}

	String getAttachment() {
		return attachment;
	}

	String getAbout() {
		return about;
	}

	String getRequestedBy() {
		return requestedBy;
	}

	Status getStatus() {
		return status;
	}

	int getAttempts() {
		return attempts;
	}

	String getLastError() {
		return lastError;
	}

	Instant getCreatedAt() {
		return createdAt;
	}

	Instant getSentAt() {
		return sentAt;
	}

}
