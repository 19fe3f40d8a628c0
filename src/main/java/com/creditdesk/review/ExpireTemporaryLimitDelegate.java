package com.creditdesk.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.creditdesk.customer.TemporaryLimits;

/** The temporary increase's last day has passed: it is marked expired (the credit check stopped using it already). */
@Component
class ExpireTemporaryLimitDelegate implements JavaDelegate {

	private final TemporaryLimits temporaryLimits;

	ExpireTemporaryLimitDelegate(TemporaryLimits temporaryLimits) {
		this.temporaryLimits = temporaryLimits;
	}

	@Override
	public void execute(DelegateExecution execution) {
		temporaryLimits.expire(((Number) execution.getVariable(TemporaryLimitProcess.TEMPORARY_LIMIT_ID)).longValue());
	}

}
