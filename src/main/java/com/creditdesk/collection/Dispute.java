package com.creditdesk.collection;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The customer disputes an invoice: it is left out of escalation until the dispute is resolved. */
@Entity
@Table(name = "collection_dispute")
class Dispute {

	enum Status {

		OPEN, UPHELD, REJECTED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long caseId;

	private long receivableId;

	private String reason;

	@Enumerated(EnumType.STRING)
	private Status status;

	private String raisedBy;

	private Instant raisedAt;

	private String resolution;

	private String resolvedBy;

	private Instant resolvedAt;

	protected Dispute() {
	}

	Dispute(long caseId, long receivableId, String reason, String raisedBy) {
		this.caseId = caseId;
		this.receivableId = receivableId;
		this.reason = reason;
		this.raisedBy = raisedBy;
		this.raisedAt = Instant.now();
		this.status = Status.OPEN;
	}

	void resolve(Status outcome, String resolution, String resolvedBy) {
		this.status = outcome;
		this.resolution = resolution;
		this.resolvedBy = resolvedBy;
		this.resolvedAt = Instant.now();
	}

	public Long getId() {
		return id;
	}

	public long getCaseId() {
		return caseId;
	}

	public long getReceivableId() {
		return receivableId;
	}

	public String getReason() {
		return reason;
	}

	public Status getStatus() {
		return status;
	}

	public String getRaisedBy() {
		return raisedBy;
	}

	public String getResolution() {
		return resolution;
	}

	public String getResolvedBy() {
		return resolvedBy;
	}

}
