package com.creditdesk.system;

import java.lang.reflect.Field;

/**
 * Reads a field of one of Camunda's command objects, which do not expose what they carry. A Camunda upgrade that
 * renames a field fails loudly here (and in the attack tests), never silently lets a command through.
 */
final class Fields {

	private Fields() {
	}

	@SuppressWarnings("unchecked")
	static <T> T read(Class<?> type, String name, Object command) {
		try {
			Field field = type.getDeclaredField(name);
			field.setAccessible(true);
			return (T) field.get(command);
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException("Camunda's " + type.getSimpleName() + " changed: no field " + name, e);
		}
	}

	/** Replaces what a command carries (the trust boundary types a step's fields, see {@link TransientFields}). */
	static void write(Class<?> type, String name, Object command, Object value) {
		try {
			Field field = type.getDeclaredField(name);
			field.setAccessible(true);
			field.set(command, value);
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException("Camunda's " + type.getSimpleName() + " changed: no field " + name, e);
		}
	}

}
