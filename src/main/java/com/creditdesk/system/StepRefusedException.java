package com.creditdesk.system;

import java.util.List;

import jakarta.ws.rs.WebApplicationException;

/**
 * A person's start, completion or variable write refused before the engine ran it: 400 (the step does not ask
 * for a variable, or a value of a kind a form cannot send) or 409 (someone else holds the task). It is a JAX-RS
 * exception so that {@code engine-rest} and the webapps' engine API answer with its status and message as they
 * are (they wrap engine exceptions other than authorization failures in a 500); CreditDesk's own API maps it too.
 */
public class StepRefusedException extends WebApplicationException {

	private final List<String> variables;

	StepRefusedException(int status, String message, List<String> variables) {
		super(message, status);
		this.variables = List.copyOf(variables);
	}

	static StepRefusedException badRequest(String message, List<String> variables) {
		return new StepRefusedException(400, message, variables);
	}

	static StepRefusedException conflict(String message) {
		return new StepRefusedException(409, message, List.of());
	}

	/** The variables the refusal is about (empty for a conflict). */
	public List<String> variables() {
		return variables;
	}

	public int status() {
		return getResponse().getStatus();
	}

}
