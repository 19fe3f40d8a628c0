package com.creditdesk.system;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A value only the gateways and decisions of the same step read (the ratios the scorecard scores, the flag the next
 * gateway tests, the key-account class an authority decision takes): it is set as a transient variable, so the engine
 * neither stores it nor writes its history. What it records is kept elsewhere: the credit file holds the ratios, the
 * decision history holds every input a decision evaluated, and the activity history shows the path taken.
 * <p>
 * A case started by an earlier process version may already hold the name as a stored variable; it stays one there
 * (the engine refuses to turn a stored variable transient).
 */
public final class StepValue {

	private StepValue() {
	}

	/** Sets {@code name} for the rest of this transaction. */
	public static void set(VariableScope scope, String name, Object value) {
		scope.setVariable(name, stored(scope, name) ? value : Variables.untypedValue(value, true));
	}

	/** Whether {@code scope} (or a parent) holds {@code name} as a stored variable; false for no scope. */
	static boolean stored(VariableScope scope, String name) {
		if (scope == null) {
			return false;
		}
		TypedValue held = scope.getVariableTyped(name, false);
		return held != null && !held.isTransient();
	}

}
