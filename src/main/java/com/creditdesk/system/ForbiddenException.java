package com.creditdesk.system;

/** The caller may not see or change this record: answered with 403. */
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String message) {
		super(message);
	}

}
