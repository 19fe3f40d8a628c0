package com.creditdesk.receivable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A credit note (红字发票) that reduces one invoice. */
@Entity
@Table(name = "credit_note")
class CreditNote {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long customerId;

	private String noteNumber;

	private long receivableId;

	private LocalDate noteDate;

	private BigDecimal amount;

	private String reason;

	private Instant postedAt;

	protected CreditNote() {
	}

	CreditNote(long customerId, String noteNumber, long receivableId, LocalDate noteDate, BigDecimal amount,
			String reason) {
		this.customerId = customerId;
		this.noteNumber = noteNumber;
		this.receivableId = receivableId;
		this.noteDate = noteDate;
		this.amount = amount;
		this.reason = reason;
		this.postedAt = Instant.now();
	}

	Long getId() {
		return id;
	}

	long getReceivableId() {
		return receivableId;
	}

	BigDecimal getAmount() {
		return amount;
	}

}
