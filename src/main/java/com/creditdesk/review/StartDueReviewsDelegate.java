package com.creditdesk.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.creditdesk.system.BusinessClock;

/** The daily-credit-reviews process's task: the process's timer start event (Quartz cron, in the model) fires it once per cluster. */
@Component("startDueReviewsDelegate")
public class StartDueReviewsDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(StartDueReviewsDelegate.class);

	private final ReevaluationService reviews;

	private final boolean enabled;

	StartDueReviewsDelegate(ReevaluationService reviews, @Value("${creditdesk.review.scheduler-enabled:true}") boolean enabled) {
		this.reviews = reviews;
		this.enabled = enabled;
	}

	@Override
	public void execute(DelegateExecution execution) {
		if (!enabled) {
			log.info("The daily credit reviews are switched off (creditdesk.review.scheduler-enabled=false)");
			return;
		}
		reviews.startDueReviews(BusinessClock.today());
	}

}
