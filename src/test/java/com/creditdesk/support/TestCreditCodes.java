package com.creditdesk.support;

import java.util.concurrent.atomic.AtomicLong;

import com.creditdesk.customer.CreditCode;

/** Fresh, valid unified social credit codes, so tests sharing a database never collide. */
public final class TestCreditCodes {

	private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000_000L);

	private TestCreditCodes() {
	}

	public static String next() {
		String first17 = "91330100" + String.format("%09d", NEXT.incrementAndGet() % 1_000_000_000L);
		return first17 + CreditCode.checkCharacter(first17);
	}

}
