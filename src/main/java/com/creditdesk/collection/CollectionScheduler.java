package com.creditdesk.collection;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.creditdesk.system.BusinessClock;

/** Every day (06:30 by default) opens collection cases for newly overdue customers. */
@Component
@ConditionalOnProperty(name = "creditdesk.collection.scheduler-enabled", havingValue = "true", matchIfMissing = true)
class CollectionScheduler {

	private final CollectionDetection detection;

	CollectionScheduler(CollectionDetection detection) {
		this.detection = detection;
	}

	@Scheduled(cron = "${creditdesk.collection.daily-cron:0 30 6 * * *}")
	void detectOverdueCustomers() {
		detection.run(BusinessClock.today());
	}

}
