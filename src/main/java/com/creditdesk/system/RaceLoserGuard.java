package com.creditdesk.system;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * A person who loses a race (two managers complete the same approval, a rep and the daily job change the same case
 * at the same moment) gets 409 with what happened, not a 500 with the engine's optimistic-locking message: the
 * engine rolled the loser's whole step back, so there is nothing to repair, only to reload. Runs outside the
 * transaction (a pre-command interceptor), where the engine's flush reports the collision. Commands without an
 * authenticated person (the job executor) keep the engine's own handling: it retries or releases the job.
 */
class RaceLoserGuard extends CommandInterceptor {

	private final IdentityService identity;

	RaceLoserGuard(IdentityService identity) {
		this.identity = identity;
	}

	@Override
	public <T> T execute(Command<T> command) {
		try {
			return next.execute(command);
		}
		catch (OptimisticLockingException e) {
			if (identity.getCurrentAuthentication() == null) {
				throw e;
			}
			throw StepRefusedException.conflict(Messages.text("step.raced"));
		}
	}

}
