package com.creditdesk.system;

/** The request clashes with the current state (e.g. a second open investigation): answered with 409. */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}

}
