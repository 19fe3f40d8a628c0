package com.creditdesk.system;

/**
 * Delivers one kind of {@link FollowUp}, inside the job's transaction. Throwing lets the job retry (and raise an
 * incident once the retries are spent); the delivery must therefore be safe to run again.
 */
public interface FollowUpHandler<T extends FollowUp> {

	Class<T> type();

	void deliver(T followUp);

	/**
	 * Whether the follow-up has anyone to reach, asked in the publisher's transaction before it is recorded: a
	 * payment of a customer without an open collection case needs no follow-up process at all. A follow-up left out
	 * here must be one the receiver would have ignored at that moment.
	 */
	default boolean relevant(T followUp) {
		return true;
	}

}
