package com.creditdesk.customer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A temporary limit increase (临时额度), e.g. for a seasonal order: an amount on top of the customer's limit from
 * {@code validFrom} to {@code validUntil} (both included), approved through the tiered chain on the combined amount.
 */
@Entity
@Table(name = "temporary_limit")
public class TemporaryLimit {

	/** Where the request stands. */
	public enum Status {

		/** Waiting for the approval chain. */
		REQUESTED,
		/** Approved: counts on top of the limit within its dates. */
		APPROVED,
		/** Rejected, or approved for no more than the limit the customer already has. */
		NOT_APPROVED,
		/** Its last day has passed. */
		EXPIRED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long customerId;

	private BigDecimal amount;

	private LocalDate validFrom;

	private LocalDate validUntil;

	private String reason;

	private String requestedBy;

	@Enumerated(EnumType.STRING)
	private Status status;

	/** The limit it was asked on top of, and the decision that granted that limit: it adds to that limit only. */
	private BigDecimal baseLimit;

	private Long baseDecisionId;

	private Long decisionId;

	private String processInstanceId;

	private Instant requestedAt;

	private Instant closedAt;

	private String closedNote;

	@Version
	private long version;

	protected TemporaryLimit() {
	}

	TemporaryLimit(long customerId, BigDecimal amount, BigDecimal baseLimit, Long baseDecisionId, LocalDate validFrom,
			LocalDate validUntil, String reason, String requestedBy, String processInstanceId) {
		this.customerId = customerId;
		this.amount = amount.setScale(2, RoundingMode.DOWN);
		this.baseLimit = baseLimit;
		this.baseDecisionId = baseDecisionId;
		this.validFrom = validFrom;
		this.validUntil = validUntil;
		this.reason = reason;
		this.requestedBy = requestedBy;
		this.processInstanceId = processInstanceId;
		this.status = Status.REQUESTED;
		this.requestedAt = Instant.now();
	}

	void approve(BigDecimal approvedIncrease, long decisionId, String note) {
		requireStatus(Status.REQUESTED);
		this.amount = approvedIncrease.setScale(2, RoundingMode.DOWN);
		this.decisionId = decisionId;
		this.status = Status.APPROVED;
		this.closedNote = note;
	}

	void decline(Long decisionId, String note) {
		requireStatus(Status.REQUESTED);
		this.decisionId = decisionId;
		this.status = Status.NOT_APPROVED;
		this.closedAt = Instant.now();
		this.closedNote = note;
	}

	/** Past its last day: no longer counts. Expiring twice (a timer fired again) changes nothing. */
	boolean expire(String note) {
		if (status != Status.APPROVED) {
			return false;
		}
		this.status = Status.EXPIRED;
		this.closedAt = Instant.now();
		this.closedNote = note;
		return true;
	}

	/** Whether it counts on top of the limit on that day. */
	public boolean inForceOn(LocalDate day) {
		return status == Status.APPROVED && !day.isBefore(validFrom) && !day.isAfter(validUntil);
	}

	/** Whether it adds to the limit granted by that decision: the one it was asked on, not one granted since. */
	public boolean addsTo(Long limitDecisionId) {
		return java.util.Objects.equals(baseDecisionId, limitDecisionId);
	}

	/** Whether it was granted for that day (in force then, expired since or not): it covers the day's invoices. */
	public boolean grantedFor(LocalDate day) {
		return (status == Status.APPROVED || status == Status.EXPIRED) && !day.isBefore(validFrom)
				&& !day.isAfter(validUntil);
	}

	/** Whether its dates overlap the other dates (a customer has one temporary increase at a time). */
	boolean overlaps(LocalDate from, LocalDate until) {
		return (status == Status.REQUESTED || status == Status.APPROVED) && !from.isAfter(validUntil)
				&& !until.isBefore(validFrom);
	}

	private void requireStatus(Status expected) {
		if (status != expected) {
			throw new IllegalStateException("temporary limit " + id + " is " + status + ", not " + expected);
		}
	}

	public Long getId() {
		return id;
	}

	public long getCustomerId() {
		return customerId;
	}

	public BigDecimal getAmount() {
		return amount;
	}

	public LocalDate getValidFrom() {
		return validFrom;
	}

	public LocalDate getValidUntil() {
		return validUntil;
	}

	public String getReason() {
		return reason;
	}

	public String getRequestedBy() {
		return requestedBy;
	}

	public Status getStatus() {
		return status;
	}

	public BigDecimal getBaseLimit() {
		return baseLimit;
	}

	public Long getBaseDecisionId() {
		return baseDecisionId;
	}

	public Long getDecisionId() {
		return decisionId;
	}

	public String getProcessInstanceId() {
		return processInstanceId;
	}

	public Instant getRequestedAt() {
		return requestedAt;
	}

	public Instant getClosedAt() {
		return closedAt;
	}

	public String getClosedNote() {
		return closedNote;
	}

}
