package com.creditdesk.review;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One reason to re-evaluate a customer, and the review it started or joined. */
@Entity
@Table(name = "review_trigger")
public class ReviewTrigger {

	/** Whether the trigger started a review or joined the one already open. */
	public enum Outcome {

		STARTED, JOINED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long customerId;

	@Enumerated(EnumType.STRING)
	private TriggerKind kind;

	private String reason;

	private String requestedBy;

	private String processInstanceId;

	@Enumerated(EnumType.STRING)
	private Outcome outcome;

	private Instant createdAt;

	protected ReviewTrigger() {
	}

	ReviewTrigger(long customerId, TriggerKind kind, String reason, String requestedBy, String processInstanceId,
			Outcome outcome) {
		this.customerId = customerId;
		this.kind = kind;
		this.reason = reason;
		this.requestedBy = requestedBy;
		this.processInstanceId = processInstanceId;
		this.outcome = outcome;
		this.createdAt = Instant.now();
	}

	public Long getId() {
		return id;
	}

	public long getCustomerId() {
		return customerId;
	}

	public TriggerKind getKind() {
		return kind;
	}

	public String getReason() {
		return reason;
	}

	public String getRequestedBy() {
		return requestedBy;
	}

	public String getProcessInstanceId() {
		return processInstanceId;
	}

	public Outcome getOutcome() {
		return outcome;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

}
