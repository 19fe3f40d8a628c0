package com.creditdesk.receivable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Collateral or a guarantee (担保) that lets the customer buy beyond its limit while it is valid. */
@Entity
@Table(name = "collateral")
class Collateral {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long customerId;

	private String kind;

	private String description;

	@Column(name = "collateral_value")
	private BigDecimal value;

	private LocalDate validUntil;

	private String registeredBy;

	private Instant registeredAt;

	private String verifiedBy;

	private Instant verifiedAt;

	protected Collateral() {
	}

	Collateral(long customerId, String kind, String description, BigDecimal value, LocalDate validUntil,
			String registeredBy) {
		this.customerId = customerId;
		this.kind = kind;
		this.description = description;
		this.value = value;
		this.validUntil = validUntil;
		this.registeredBy = registeredBy;
		this.registeredAt = Instant.now();
	}

	Long getId() {
		return id;
	}

	long getCustomerId() {
		return customerId;
	}

	String getKind() {
		return kind;
	}

	String getDescription() {
		return description;
	}

	BigDecimal getValue() {
		return value;
	}

	LocalDate getValidUntil() {
		return validUntil;
	}

	String getRegisteredBy() {
		return registeredBy;
	}

	String getVerifiedBy() {
		return verifiedBy;
	}

	Instant getVerifiedAt() {
		return verifiedAt;
	}

	void verify(String verifier) {
		this.verifiedBy = verifier;
		this.verifiedAt = Instant.now();
	}

}
