package com.creditdesk.system;

import java.util.function.Supplier;

/**
 * A value built on first use, once, thread-safe: for what is costly to build and not needed to start (a DMN engine
 * of its own builds a FEEL engine, about half a second of a 2-core machine's start).
 */
public final class Lazy<T> implements Supplier<T> {

	private final Supplier<T> build;

	private volatile T value;

	private Lazy(Supplier<T> build) {
		this.build = build;
	}

	public static <T> Lazy<T> of(Supplier<T> build) {
		return new Lazy<>(build);
	}

	@Override
	public T get() {
		T current = value;
		if (current == null) {
			synchronized (this) {
				current = value;
				if (current == null) {
					current = build.get();
					value = current;
				}
			}
		}
		return current;
	}

}
