package com.creditdesk.collection;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of the case's history: a contact, a promise, a payment, a dispute, a decision. */
@Entity
@Table(name = "collection_event")
class CollectionEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long caseId;

	private String kind;

	private String detail;

	private String recordedBy;

	private Instant recordedAt;

	protected CollectionEvent() {
	}

	CollectionEvent(long caseId, String kind, String detail, String recordedBy) {
		this.caseId = caseId;
		this.kind = kind;
		this.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 1997) + "...";
		this.recordedBy = recordedBy;
		this.recordedAt = Instant.now();
	}

	public Long getId() {
		return id;
	}

	public String getKind() {
		return kind;
	}

	public String getDetail() {
		return detail;
	}

	public String getRecordedBy() {
		return recordedBy;
	}

	public Instant getRecordedAt() {
		return recordedAt;
	}

}
