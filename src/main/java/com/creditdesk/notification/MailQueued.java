package com.creditdesk.notification;

import com.creditdesk.system.FollowUp;

/** A recorded mail to send once the step that recorded it has committed. */
record MailQueued(long mailId) implements FollowUp {

	@Override
	public String subject() {
		return "mail " + mailId;
	}

}
