package com.creditdesk.system;

import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Bad input that reaches a process (a start form or a task form) is refused the way Camunda refuses a form field
 * that fails validation: the whole start or completion rolls back, nothing is written, and Tasklist and
 * {@code engine-rest} answer 400 with the message, which names the field to fix.
 */
public final class UserInput {

	private UserInput() {
	}

	/** Runs a domain call and turns its "bad input" and "conflict" exceptions into a form rejection. */
	public static <T> T check(Supplier<T> action) {
		try {
			return action.get();
		}
		catch (InvalidRequestException e) {
			throw rejection(e.getMessage(), e.fields());
		}
		catch (ConflictException e) {
			throw rejection(e.getMessage(), Map.of());
		}
	}

	public static FormFieldValidationException rejection(String message, Map<String, String> fields) {
		return new FormFieldValidationException(fields.isEmpty() ? null : Map.copyOf(fields), message);
	}

	public static FormFieldValidationException rejection(Map<String, String> fields) {
		return rejection(String.join(" ", fields.values()), fields);
	}

}
