package com.creditdesk.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import com.creditdesk.customer.TemporaryLimits;

/**
 * When a temporary-limit request's process ends without a decision (cancelled in Cockpit, say), the request is
 * closed, so that it no longer holds its days against the next request.
 */
@Component
class WithdrawUndecidedTemporaryLimitListener implements ExecutionListener {

	private final TemporaryLimits temporaryLimits;

	WithdrawUndecidedTemporaryLimitListener(TemporaryLimits temporaryLimits) {
		this.temporaryLimits = temporaryLimits;
	}

	@Override
	public void notify(DelegateExecution execution) {
		if (execution.getVariable(TemporaryLimitProcess.TEMPORARY_LIMIT_ID) instanceof Number id) {
			temporaryLimits.withdrawUndecided(id.longValue());
		}
	}

}
