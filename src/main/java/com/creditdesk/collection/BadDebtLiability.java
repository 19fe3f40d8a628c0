package com.creditdesk.collection;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One person's share of one written-off invoice (呆账责任), with the basis it was charged on. */
@Entity
@Table(name = "bad_debt_liability")
class BadDebtLiability {

	enum Role {

		/** The rep responsible for the customer when the invoice was booked (承办人). */
		REP,
		/** The manager whose approval granted the limit that covered the invoice. */
		APPROVER

	}

	enum Basis {

		/** Sold beyond the approved limit: the rep bears it in full. */
		UNCOVERED_FULL,
		/** Within the approved limit: the rep's policy share. */
		COVERED_REP_SHARE,
		/** Within the approved limit: the approver's policy share. */
		COVERED_APPROVER_SHARE

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long writeOffId;

	private long receivableId;

	private String invoiceNumber;

	private String person;

	@Enumerated(EnumType.STRING)
	private Role role;

	@Enumerated(EnumType.STRING)
	private Basis basis;

	private BigDecimal baseAmount;

	private BigDecimal percent;

	private BigDecimal amount;

	private Long creditDecisionId;

	private Instant recordedAt;

	protected BadDebtLiability() {
	}

	BadDebtLiability(long writeOffId, LiabilitySplit.Share share) {
		this.writeOffId = writeOffId;
		this.receivableId = share.receivableId();
		this.invoiceNumber = share.invoiceNumber();
		this.person = share.person();
		this.role = share.role();
		this.basis = share.basis();
		this.baseAmount = share.baseAmount();
		this.percent = share.percent();
		this.amount = share.amount();
		this.creditDecisionId = share.creditDecisionId();
		this.recordedAt = Instant.now();
	}

	public Long getId() {
		return id;
	}

	public long getWriteOffId() {
		return writeOffId;
	}

	public long getReceivableId() {
		return receivableId;
	}

	public String getInvoiceNumber() {
		return invoiceNumber;
	}

	public String getPerson() {
		return person;
	}

	public Role getRole() {
		return role;
	}

	public Basis getBasis() {
		return basis;
	}

	public BigDecimal getBaseAmount() {
		return baseAmount;
	}

	public BigDecimal getPercent() {
		return percent;
	}

	public BigDecimal getAmount() {
		return amount;
	}

	public Long getCreditDecisionId() {
		return creditDecisionId;
	}

	public Instant getRecordedAt() {
		return recordedAt;
	}

}
