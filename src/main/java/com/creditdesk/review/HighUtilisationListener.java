package com.creditdesk.review;

import org.springframework.stereotype.Component;

import com.creditdesk.receivable.HighCreditUtilisation;
import com.creditdesk.system.FollowUpHandler;

/** Limit utilisation above the threshold starts a re-evaluation (or joins the open one), after the check commits. */
@Component
class HighUtilisationListener implements FollowUpHandler<HighCreditUtilisation> {

	private final ReevaluationService reviews;

	HighUtilisationListener(ReevaluationService reviews) {
		this.reviews = reviews;
	}

	@Override
	public Class<HighCreditUtilisation> type() {
		return HighCreditUtilisation.class;
	}

	@Override
	public void deliver(HighCreditUtilisation event) {
		reviews.trigger(event.customerId(), TriggerKind.HIGH_UTILISATION, event.reason(), null);
	}

}
