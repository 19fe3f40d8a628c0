package com.creditdesk.system;

import java.util.Map;

/** Bad input from a user or a feed: answered with 400 and a message naming what to fix. */
public class InvalidRequestException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final Map<String, String> fields;

	public InvalidRequestException(String message) {
		this(message, Map.of());
	}

	public InvalidRequestException(String message, Map<String, String> fields) {
		super(message);
		this.fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
	}

	public Map<String, String> fields() {
		return fields;
	}

	/** Further detail for the problem body, e.g. each bad line of a feed. */
	public java.util.List<?> details() {
		return java.util.List.of();
	}

}
