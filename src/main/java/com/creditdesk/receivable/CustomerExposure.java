package com.creditdesk.receivable;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A customer's exposure, kept up to date by every posting and credit check (so a check never adds up invoices):
 * open receivables plus credit reserved for orders not yet invoiced; payments nobody took stay as credit.
 */
@Entity
@Table(name = "customer_exposure")
class CustomerExposure {

	@Id
	private long customerId;

	private BigDecimal openReceivables = BigDecimal.ZERO.setScale(2);

	private BigDecimal reserved = BigDecimal.ZERO.setScale(2);

	private BigDecimal unappliedCredit = BigDecimal.ZERO.setScale(2);

	/** Set when utilisation first went above the review threshold; cleared when it falls below again. */
	private Instant highUtilisationSince;

	private Instant updatedAt;

	protected CustomerExposure() {
	}

	CustomerExposure(long customerId) {
		this.customerId = customerId;
		this.updatedAt = Instant.now();
	}

	BigDecimal exposure() {
		return openReceivables.add(reserved);
	}

	void addOpen(BigDecimal delta) {
		openReceivables = openReceivables.add(delta);
		touch();
	}

	void addReserved(BigDecimal delta) {
		reserved = reserved.add(delta);
		touch();
	}

	void addUnappliedCredit(BigDecimal delta) {
		unappliedCredit = unappliedCredit.add(delta);
		touch();
	}

	/** @return true only the first time utilisation crosses above the threshold */
	boolean crossedHighUtilisation(boolean high) {
		if (!high) {
			highUtilisationSince = null;
			return false;
		}
		if (highUtilisationSince == null) {
			highUtilisationSince = Instant.now();
			return true;
		}
		return false;
	}

	private void touch() {
		updatedAt = Instant.now();
	}

	long getCustomerId() {
		return customerId;
	}

	BigDecimal getOpenReceivables() {
		return openReceivables;
	}

	BigDecimal getReserved() {
		return reserved;
	}

	BigDecimal getUnappliedCredit() {
		return unappliedCredit;
	}

}
