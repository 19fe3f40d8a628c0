package com.creditdesk.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A limit the customer had before its current one (额度历史): in force from {@code validFrom} until the day before
 * {@code endedOn} (or its own {@code validUntil}, whichever came first).
 */
@Entity
@Table(name = "credit_limit_period")
public class CreditLimitPeriod {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long customerId;

	private BigDecimal creditLimit;

	private Long decisionId;

	private LocalDate validFrom;

	private LocalDate validUntil;

	private LocalDate endedOn;

	private Instant recordedAt;

	protected CreditLimitPeriod() {
	}

	CreditLimitPeriod(long customerId, BigDecimal creditLimit, Long decisionId, LocalDate validFrom,
			LocalDate validUntil, LocalDate endedOn) {
		this.customerId = customerId;
		this.creditLimit = creditLimit;
		this.decisionId = decisionId;
		this.validFrom = validFrom;
		this.validUntil = validUntil;
		this.endedOn = endedOn;
		this.recordedAt = Instant.now();
	}

	/** Whether the limit was in force on that day. */
	public boolean inForceOn(LocalDate day) {
		return !day.isBefore(validFrom) && day.isBefore(endedOn) && (validUntil == null || !day.isAfter(validUntil));
	}

	public Long getId() {
		return id;
	}

	public long getCustomerId() {
		return customerId;
	}

	public BigDecimal getCreditLimit() {
		return creditLimit;
	}

	public Long getDecisionId() {
		return decisionId;
	}

	public LocalDate getValidFrom() {
		return validFrom;
	}

	public LocalDate getValidUntil() {
		return validUntil;
	}

	public LocalDate getEndedOn() {
		return endedOn;
	}

}
