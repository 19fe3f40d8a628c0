package com.creditdesk.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The daily-mail-digest process's task: one digest mail per person who chose it (see {@link Notifications#sendDigests}). */
@Component("sendMailDigestsDelegate")
class SendMailDigestsDelegate implements JavaDelegate {

	static final String KEY = "daily-mail-digest";

	private final Notifications notifications;

	SendMailDigestsDelegate(Notifications notifications) {
		this.notifications = notifications;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable("digestsSent", notifications.sendDigests());
	}

}
