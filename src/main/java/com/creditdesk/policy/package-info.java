/**
 * The policy workbench: candidates of the policy decisions, their validation, simulation and four-eyes deployment.
 * <p>
 * Allowed dependencies (verified by {@code ModularityTests}): identity (who is asking), system (its four-eyes
 * rule, the outputs' vocabularies, messages).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "system" })
package com.creditdesk.policy;
