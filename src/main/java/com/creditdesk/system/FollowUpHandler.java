package com.creditdesk.system;

/**
 * Delivers one kind of {@link FollowUp}, inside the job's transaction. Throwing lets the job retry (and raise an
 * incident once the retries are spent); the delivery must therefore be safe to run again.
 */
public interface FollowUpHandler<T extends FollowUp> {

	Class<T> type();

	void deliver(T followUp);

}
