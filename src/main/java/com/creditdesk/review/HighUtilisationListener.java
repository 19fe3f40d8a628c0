package com.creditdesk.review;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import com.creditdesk.receivable.HighCreditUtilisation;

/** Limit utilisation above the threshold starts a re-evaluation (or joins the open one), after the check commits. */
@Component
class HighUtilisationListener {

	private final ReevaluationService reviews;

	HighUtilisationListener(ReevaluationService reviews) {
		this.reviews = reviews;
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(HighCreditUtilisation event) {
		reviews.trigger(event.customerId(), TriggerKind.HIGH_UTILISATION, event.reason(), null);
	}

}
