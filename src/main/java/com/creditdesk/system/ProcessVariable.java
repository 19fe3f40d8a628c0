package com.creditdesk.system;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A process variable with its name and type in one place (in the style of camunda-bpm-data's variable factories):
 * a process's backing class declares {@code ProcessVariable.money("proposedLimit")} once, and every reader and
 * writer goes through it, so a name cannot be misspelt and a value has one representation in the engine.
 * <p>
 * Money crosses the engine as a plain decimal string ({@code "500000.00"}), not as a double, and comes back as a
 * {@link BigDecimal} with two decimals (except an amount a Camunda Form computes with in FEEL: {@link #formAmount});
 * dates as ISO strings. Readers also accept what older process versions and
 * Camunda Forms stored (numbers), so a running instance keeps working when its variables are typed.
 *
 * @param <T> the Java type of the value
 */
public final class ProcessVariable<T> {

	private final String name;

	private final Function<Object, T> read;

	private final Function<T, Object> write;

	private ProcessVariable(String name, Function<Object, T> read, Function<T, Object> write) {
		this.name = Objects.requireNonNull(name);
		this.read = read;
		this.write = write;
	}

	/** A database id (a customer, credit file or decision), stored as a long. */
	public static ProcessVariable<Long> id(String name) {
		return new ProcessVariable<>(name, value -> value instanceof Number number ? number.longValue()
				: Long.valueOf(value.toString().trim()), value -> value);
	}

	/** An amount in CNY, stored as a plain decimal string with two decimals. */
	public static ProcessVariable<BigDecimal> money(String name) {
		return new ProcessVariable<>(name, Money::of, value -> Money.of(value).toPlainString());
	}

	/**
	 * An amount a Camunda Form computes with in FEEL (e.g. how far a proposal exceeds the suggested limit): forms
	 * need a number, so it is stored as one (an amount of at most two decimals prints exactly), and read back as a
	 * {@link BigDecimal} with two decimals. Amounts no form computes with are {@link #money}.
	 */
	public static ProcessVariable<BigDecimal> formAmount(String name) {
		return new ProcessVariable<>(name, Money::of, value -> Money.of(value).doubleValue());
	}

	/** A text; blank reads as absent. */
	public static ProcessVariable<String> text(String name) {
		return new ProcessVariable<>(name, value -> value.toString().isBlank() ? null : value.toString().trim(),
				value -> value);
	}

	/** A calendar date, stored as an ISO string ({@code 2026-12-03}). */
	public static ProcessVariable<LocalDate> date(String name) {
		return new ProcessVariable<>(name, value -> value.toString().isBlank() ? null
				: LocalDate.parse(value.toString().trim()), LocalDate::toString);
	}

	/** A whole number (a count of days or months), stored as an integer; 12.0 reads as 12, 12.5 is not one. */
	public static ProcessVariable<Integer> integer(String name) {
		return new ProcessVariable<>(name, value -> {
			if (value instanceof Number number) {
				double d = number.doubleValue();
				if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
					throw new IllegalArgumentException(value + " is not a whole number");
				}
				return (int) d;
			}
			return value.toString().isBlank() ? null : Integer.valueOf(value.toString().trim());
		}, value -> value);
	}

	/** A yes/no flag, stored as a boolean. */
	public static ProcessVariable<Boolean> flag(String name) {
		return new ProcessVariable<>(name, value -> value instanceof Boolean b ? b : Boolean.valueOf(value.toString()),
				value -> value);
	}

	public String name() {
		return name;
	}

	/**
	 * The value in this scope (or its parents), or null if there is none.
	 * @throws IllegalStateException if the stored value is not of this variable's type
	 */
	public T get(VariableScope scope) {
		return decode(scope.getVariable(name));
	}

	/**
	 * The value, which the process must have set before this step.
	 * @throws IllegalStateException if it is missing or not of this variable's type: a defect, never a user's error
	 */
	public T require(VariableScope scope) {
		T value = get(scope);
		if (value == null) {
			throw new IllegalStateException("process variable " + name + " is missing");
		}
		return value;
	}

	/**
	 * What a person entered for this variable at a step: null when it is missing or not of this variable's type, so
	 * that the step's validation names the field (never an engine error).
	 */
	public T input(VariableScope scope) {
		try {
			return get(scope);
		}
		catch (IllegalStateException notOfThisType) {
			return null;
		}
	}

	/** The value in a map of variables (a start or a call's input), or null. */
	public T from(Map<String, ?> variables) {
		return decode(variables.get(name));
	}

	/** Sets the value in this scope (the innermost scope that has it, else the process instance). */
	public void set(VariableScope scope, T value) {
		scope.setVariable(name, encode(value));
	}

	/**
	 * Sets the value for the rest of this transaction only, for the step's own gateways and decisions
	 * ({@link StepValue}): not stored, no history.
	 */
	public void setForStep(VariableScope scope, T value) {
		StepValue.set(scope, name, encode(value));
	}

	/** Sets the value on this scope only (e.g. a task's local variable). */
	public void setLocal(VariableScope scope, T value) {
		scope.setVariableLocal(name, encode(value));
	}

	/** Puts the value into a map of variables (a start or a call's input). */
	public void put(Map<String, Object> variables, T value) {
		variables.put(name, encode(value));
	}

	private Object encode(T value) {
		return value == null ? null : write.apply(value);
	}

	private T decode(Object value) {
		if (value == null) {
			return null;
		}
		try {
			return read.apply(value);
		}
		catch (RuntimeException e) {
			throw new IllegalStateException("process variable " + name + " holds '" + value + "', which is not "
					+ "of its type", e);
		}
	}

	@Override
	public String toString() {
		return name;
	}

}
