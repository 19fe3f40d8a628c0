package com.creditdesk.system;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.Marker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Camunda logs every command that ends in an exception as an ERROR with a stack trace, except the exceptions it
 * knows to be the user's (bad request, authorization). A form rejected by CreditDesk's validation is the user's
 * too: it is answered with 400 and a message, so it is logged as one INFO line, not as an error.
 */
public class RejectedInputLogFilter extends TurboFilter {

	private static final String ENGINE_CONTEXT = "org.camunda.bpm.engine.context";

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RejectedInputLogFilter.class);

	@Override
	public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
			Throwable t) {
		if (level == Level.ERROR && logger.getName().startsWith(ENGINE_CONTEXT)) {
			Throwable cause = t != null ? t : lastThrowable(params);
			if (cause instanceof FormFieldValidationException rejected) {
				log.info("Input refused: {}", rejected.getMessage());
				return FilterReply.DENY;
			}
		}
		return FilterReply.NEUTRAL;
	}

	private static Throwable lastThrowable(Object[] params) {
		return params != null && params.length > 0 && params[params.length - 1] instanceof Throwable t ? t : null;
	}

}
