package com.creditdesk.approval;

/** Someone tried to approve their own request, or to approve twice in one chain. */
public class FourEyesViolation extends RuntimeException {

	public FourEyesViolation(String message) {
		super(message);
	}

}
