package com.creditdesk.receivable;

import java.util.List;
import java.util.stream.Collectors;

import com.creditdesk.receivable.LedgerLines.LineError;
import com.creditdesk.system.InvalidRequestException;
import com.creditdesk.system.Messages;

/** A feed with bad lines: nothing of it was posted. */
public class FeedRejectedException extends InvalidRequestException {

	private final transient List<LineError> errors;

	/** The most line errors one answer lists; the message says how many more there are. */
	static final int SHOWN = 100;

	public FeedRejectedException(List<LineError> errors) {
		super(Messages.text("receivable.feedRejected", String.valueOf(errors.size()), errors.stream()
			.limit(SHOWN)
			.map(e -> Messages.text("receivable.feedLine", String.valueOf(e.line()), e.reason()))
			.collect(Collectors.joining("; "))
				+ (errors.size() > SHOWN ? Messages.text("receivable.feedMoreLines", String.valueOf(errors.size() - SHOWN))
						: "")));
		this.errors = List.copyOf(errors.subList(0, Math.min(SHOWN, errors.size())));
	}

	public List<LineError> errors() {
		return errors;
	}

	@Override
	public List<LineError> details() {
		return errors;
	}

}
