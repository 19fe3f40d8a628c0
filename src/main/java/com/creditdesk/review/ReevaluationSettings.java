package com.creditdesk.review;

import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Used from the BPMN as {@code ${reevaluationSettings...}}: when the rep's update task is due. */
@Component("reevaluationSettings")
public class ReevaluationSettings {

	private final ReevaluationProperties properties;

	ReevaluationSettings(ReevaluationProperties properties) {
		this.properties = properties;
	}

	public Date updateDueDate() {
		return new Date(ClockUtil.getCurrentTime().getTime() + properties.updateWithin().toMillis());
	}

}
