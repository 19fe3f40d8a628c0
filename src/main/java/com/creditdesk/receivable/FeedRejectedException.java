package com.creditdesk.receivable;

import java.util.List;
import java.util.stream.Collectors;

import com.creditdesk.receivable.LedgerLines.LineError;
import com.creditdesk.system.InvalidRequestException;

/** A feed with bad lines: nothing of it was posted. */
public class FeedRejectedException extends InvalidRequestException {

	private final transient List<LineError> errors;

	public FeedRejectedException(List<LineError> errors) {
		super(errors.size() + " line(s) are wrong, nothing was posted: " + errors.stream()
			.map(e -> "line " + e.line() + ": " + e.reason())
			.collect(Collectors.joining("; ")));
		this.errors = List.copyOf(errors);
	}

	public List<LineError> errors() {
		return errors;
	}

	@Override
	public List<LineError> details() {
		return errors;
	}

}
