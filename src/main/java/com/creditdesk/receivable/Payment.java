package com.creditdesk.receivable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Money received from a customer; what no invoice took stays as the customer's credit. */
@Entity
@Table(name = "payment")
public class Payment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long customerId;

	private String reference;

	private LocalDate paymentDate;

	private BigDecimal amount;

	private BigDecimal unappliedAmount;

	private Instant postedAt;

	protected Payment() {
	}

	Payment(long customerId, String reference, LocalDate paymentDate, BigDecimal amount) {
		this.customerId = customerId;
		this.reference = reference;
		this.paymentDate = paymentDate;
		this.amount = amount;
		this.unappliedAmount = amount;
		this.postedAt = Instant.now();
	}

	void applied(BigDecimal applied) {
		unappliedAmount = unappliedAmount.subtract(applied);
	}

	public Long getId() {
		return id;
	}

	public long getCustomerId() {
		return customerId;
	}

	public String getReference() {
		return reference;
	}

	public LocalDate getPaymentDate() {
		return paymentDate;
	}

	public BigDecimal getAmount() {
		return amount;
	}

	public BigDecimal getUnappliedAmount() {
		return unappliedAmount;
	}

}
