package com.creditdesk.system;

import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Bad input that reaches a process (a start form or a task form) is refused the way Camunda refuses a form field
 * that fails validation: the whole start or completion rolls back, nothing is written, and Tasklist and
 * {@code engine-rest} answer 400 with the message, which names the field to fix. Each message ends with the keys of
 * the fields it is about in brackets ("… [creditCode]"): Tasklist's {@code creditdesk/start-form-errors.js} shows the
 * message under those fields and leaves the brackets out; API clients read which fields to fix.
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
			// a message made of the fields' own messages is shown field by field
			boolean perField = !e.fields().isEmpty() && e.fields().values().stream().allMatch(e.getMessage()::contains);
			throw perField ? rejection(e.fields()) : rejection(e.getMessage(), e.fields());
		}
		catch (ConflictException e) {
			throw rejection(e.getMessage(), Map.of());
		}
	}

	public static FormFieldValidationException rejection(String message, Map<String, String> fields) {
		String text = fields.isEmpty() ? message : message + " [" + String.join(",", fields.keySet()) + "]";
		return new FormFieldValidationException(fields.isEmpty() ? null : Map.copyOf(fields), text);
	}

	/** One message per field, each followed by its key: "… [quickAssets] … [paymentTermDays]". */
	public static FormFieldValidationException rejection(Map<String, String> fields) {
		String text = fields.entrySet()
			.stream()
			.map(field -> field.getValue() + " [" + field.getKey() + "]")
			.collect(java.util.stream.Collectors.joining(" "));
		return new FormFieldValidationException(Map.copyOf(fields), text);
	}

}
