package com.creditdesk.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a delegate, listener or variable mapping that processes of other capabilities may name in their BPMN
 * ({@code ${bean}}): the capability publishes it as a process step, like a public method. A process may use only its
 * own capability's beans and the shared steps of capabilities it is allowed to depend on
 * ({@code ProcessStepBoundaryTests}), so a BPMN file cannot add a dependency the module rules do not see.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SharedProcessStep {
}
