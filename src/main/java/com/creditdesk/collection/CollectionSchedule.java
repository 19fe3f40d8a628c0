package com.creditdesk.collection;

import java.time.ZoneId;
import java.util.Date;

import org.springframework.stereotype.Component;

import com.creditdesk.system.BusinessClock;

/** The collection process's dates from configuration: task due dates and the follow-up after legal action. */
@Component("collectionSchedule")
public class CollectionSchedule {

	private final CollectionProperties properties;

	CollectionSchedule(CollectionProperties properties) {
		this.properties = properties;
	}

	/** A collection task is due at the end of the day {@code task-due-days} from today. */
	public Date taskDue() {
		return Date.from(BusinessClock.today()
			.plusDays(properties.taskDueDays())
			.atTime(18, 0)
			.atZone(ZoneId.systemDefault())
			.toInstant());
	}

	/** ISO 8601 duration until the regional managers decide again after legal action or an agency. */
	public String followUpAfter() {
		return "P" + properties.followUpAfterDays() + "D";
	}

}
