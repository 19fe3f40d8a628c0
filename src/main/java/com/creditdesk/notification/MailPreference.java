package com.creditdesk.notification;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How a person wants notifications: one mail each, or a daily digest. */
@Entity
@Table(name = "mail_preference")
class MailPreference {

	@Id
	private String userId;

	private boolean digest;

	private Instant changedAt;

	protected MailPreference() {
	}

	MailPreference(String userId, boolean digest) {
		this.userId = userId;
		change(digest);
	}

	void change(boolean digest) {
		this.digest = digest;
		this.changedAt = Instant.now();
	}

	String getUserId() {
		return userId;
	}

	boolean isDigest() {
		return digest;
	}

	Instant getChangedAt() {
		return changedAt;
	}

}
