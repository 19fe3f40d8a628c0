package com.creditdesk.system;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine calls as the system rather than as the person whose request caused them (a payment posted by the
 * ERP feed moving a collection case, a daily job starting reviews): CreditDesk has already checked that the person
 * may ask, and the process needs no rights of theirs. The person's authentication is restored afterwards.
 */
public final class SystemActions {

	private SystemActions() {
	}

	public static <T> T asSystem(IdentityService identity, Supplier<T> action) {
		Authentication caller = identity.getCurrentAuthentication();
		identity.clearAuthentication();
		try {
			return action.get();
		}
		finally {
			if (caller != null) {
				identity.setAuthentication(caller);
			}
		}
	}

	public static void asSystem(IdentityService identity, Runnable action) {
		asSystem(identity, () -> {
			action.run();
			return null;
		});
	}

	/**
	 * The person whose request the engine is running (Tasklist, {@code engine-rest} or CreditDesk's API), or empty
	 * for the system (timers, jobs, {@link #asSystem}). Facts of authority such as who asked are taken from here,
	 * never from a variable a person could have written.
	 */
	public static java.util.Optional<String> authenticatedUser(IdentityService identity) {
		org.camunda.bpm.engine.impl.identity.Authentication current = identity.getCurrentAuthentication();
		return java.util.Optional.ofNullable(current == null ? null : current.getUserId());
	}

}
