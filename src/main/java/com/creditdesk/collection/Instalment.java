package com.creditdesk.collection;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One instalment of a payment plan the regional manager agreed (分期还款). */
@Entity
@Table(name = "payment_plan_instalment")
class Instalment {

	enum Status {

		DUE, PAID, MISSED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long caseId;

	private int seq;

	private LocalDate dueDate;

	private BigDecimal amount;

	private LocalDate agreedOn;

	@Enumerated(EnumType.STRING)
	private Status status;

	protected Instalment() {
	}

	Instalment(long caseId, int seq, LocalDate dueDate, BigDecimal amount, LocalDate agreedOn) {
		this.caseId = caseId;
		this.seq = seq;
		this.dueDate = dueDate;
		this.amount = amount;
		this.agreedOn = agreedOn;
		this.status = Status.DUE;
	}

	void mark(Status status) {
		this.status = status;
	}

	public int getSeq() {
		return seq;
	}

	public LocalDate getDueDate() {
		return dueDate;
	}

	public BigDecimal getAmount() {
		return amount;
	}

	public LocalDate getAgreedOn() {
		return agreedOn;
	}

	public Status getStatus() {
		return status;
	}

}
