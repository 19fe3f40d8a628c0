package com.creditdesk.system;

import java.time.LocalDate;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Today's date as the process engine sees it (Camunda's clock, which tests move), in the server's time zone.
 */
public final class BusinessClock {

	private BusinessClock() {
	}

	public static LocalDate today() {
		return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
	}

}
