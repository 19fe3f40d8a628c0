package com.creditdesk.system;

/**
 * Something that must happen because a change committed (tell a collection case about a payment, start a
 * re-evaluation), published as a Spring event inside the change's transaction. {@link FollowUps} records it in that
 * same transaction as an engine job, so it is delivered after commit, on the job executor, with retries and an
 * incident in Cockpit when it keeps failing, on whichever node is up, also after a crash.
 */
public interface FollowUp {

	/** What Cockpit shows as the follow-up's business key, e.g. {@code customer 12}. */
	String subject();

}
