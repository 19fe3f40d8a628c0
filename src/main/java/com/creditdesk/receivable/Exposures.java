package com.creditdesk.receivable;

import java.math.BigDecimal;

import org.springframework.stereotype.Component;

/** Finds (or starts) a customer's exposure record; callers hold the customer's lock. */
@Component
class Exposures {

	private final CustomerExposureRepository exposures;

	private final OrderReservationRepository reservations;

	Exposures(CustomerExposureRepository exposures, OrderReservationRepository reservations) {
		this.exposures = exposures;
		this.reservations = reservations;
	}

	/** For reading: a customer without postings has an empty exposure. */
	@org.springframework.transaction.annotation.Transactional(readOnly = true)
	CustomerExposure find(long customerId) {
		return exposures.findById(customerId).orElseGet(() -> new CustomerExposure(customerId));
	}

	CustomerExposure of(long customerId) {
		return exposures.findById(customerId).orElseGet(() -> exposures.save(new CustomerExposure(customerId)));
	}

	/** The invoice for an order posted: the credit held for it becomes a receivable. */
	void consumeReservation(long customerId, String orderReference, CustomerExposure exposure) {
		reservations.findByCustomerIdAndOrderReference(customerId, orderReference)
			.filter(r -> r.getStatus() == OrderReservation.Status.ACTIVE || r.getStatus() == OrderReservation.Status.NO_CREDIT)
			.ifPresent(r -> {
				BigDecimal held = r.close(OrderReservation.Status.CONSUMED);
				exposure.addReserved(held.negate());
			});
	}

}
