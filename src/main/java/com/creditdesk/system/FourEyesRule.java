package com.creditdesk.system;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The four-eyes rule of one decision step (a user task): who may not take, fill in or complete it. Every rule is a
 * Spring bean; {@link FourEyesGuard} enforces all of them inside the engine, whatever the client. A capability
 * with a decision that needs a second person writes one rule and nothing else.
 */
public interface FourEyesRule {

	/** The user task this rule guards (its id in the BPMN). */
	String taskDefinitionKey();

	/**
	 * @param task the task, to read the process variables that name the case (ids only: the rule reads who asked
	 *        and who decided from its own tables, never from a variable a user could have written)
	 * @param userId the person claiming, being assigned, writing the task's variables or completing it
	 * @throws FourEyesViolation with the reason, when that person may not
	 */
	void check(VariableScope task, String userId);

}
