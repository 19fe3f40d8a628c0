package com.creditdesk.collection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.creditdesk.system.BusinessClock;

/** The daily-overdue-detection process's task: the process's timer start event (Quartz cron, in the model) fires it once per cluster. */
@Component("detectOverdueCustomersDelegate")
public class DetectOverdueCustomersDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(DetectOverdueCustomersDelegate.class);

	private final CollectionDetection detection;

	private final boolean enabled;

	DetectOverdueCustomersDelegate(CollectionDetection detection,
			@Value("${creditdesk.collection.scheduler-enabled:true}") boolean enabled) {
		this.detection = detection;
		this.enabled = enabled;
	}

	@Override
	public void execute(DelegateExecution execution) {
		if (!enabled) {
			log.info("The daily overdue detection is switched off (creditdesk.collection.scheduler-enabled=false)");
			return;
		}
		CollectionDetection.DetectionResult result = detection.run(BusinessClock.today());
		execution.setVariable(OverdueCollectionProcess.DETECTION_RESULT, result.toString());
	}

}
