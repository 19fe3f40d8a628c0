package com.creditdesk.collection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The customer's promise to pay an amount by a date (承诺付款). Escalation waits until the date plus grace. */
@Entity
@Table(name = "payment_promise")
class PaymentPromise {

	enum Status {

		OPEN, KEPT, BROKEN, SUPERSEDED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long caseId;

	private LocalDate promisedDate;

	private BigDecimal promisedAmount;

	private LocalDate madeOn;

	@Enumerated(EnumType.STRING)
	private Status status;

	private String recordedBy;

	private Instant recordedAt;

	private Instant settledAt;

	protected PaymentPromise() {
	}

	PaymentPromise(long caseId, LocalDate promisedDate, BigDecimal promisedAmount, LocalDate madeOn,
			String recordedBy) {
		this.caseId = caseId;
		this.promisedDate = promisedDate;
		this.promisedAmount = promisedAmount;
		this.madeOn = madeOn;
		this.status = Status.OPEN;
		this.recordedBy = recordedBy;
		this.recordedAt = Instant.now();
	}

	void settle(Status outcome) {
		this.status = outcome;
		this.settledAt = Instant.now();
	}

	public Long getId() {
		return id;
	}

	public LocalDate getPromisedDate() {
		return promisedDate;
	}

	public BigDecimal getPromisedAmount() {
		return promisedAmount;
	}

	public LocalDate getMadeOn() {
		return madeOn;
	}

	public Status getStatus() {
		return status;
	}

	public String getRecordedBy() {
		return recordedBy;
	}

	public Instant getSettledAt() {
		return settledAt;
	}

}
