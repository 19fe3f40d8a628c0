package com.creditdesk.system;

/**
 * A person may not take this decision: they asked for it, already decided in the same chain, or are not among those
 * who decide it. Thrown by a {@link FourEyesRule}; {@link FourEyesGuard} answers it as an
 * {@link org.camunda.bpm.engine.AuthorizationException} (403 with this message).
 */
public class FourEyesViolation extends RuntimeException {

	public FourEyesViolation(String message) {
		super(message);
	}

}
