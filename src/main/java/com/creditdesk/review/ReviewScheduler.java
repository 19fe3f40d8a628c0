package com.creditdesk.review;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.creditdesk.system.BusinessClock;

/** Every day (06:00 by default) starts the re-evaluations that fall due. Safe on several nodes: one per customer. */
@Component
@ConditionalOnProperty(name = "creditdesk.review.scheduler-enabled", havingValue = "true", matchIfMissing = true)
class ReviewScheduler {

	private final ReevaluationService reviews;

	ReviewScheduler(ReevaluationService reviews) {
		this.reviews = reviews;
	}

	@Scheduled(cron = "${creditdesk.review.daily-cron:0 0 6 * * *}")
	void startDueReviews() {
		reviews.startDueReviews(BusinessClock.today());
	}

}
