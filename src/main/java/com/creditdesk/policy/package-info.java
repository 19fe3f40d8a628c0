/**
 * The policy workbench: candidates of the policy decisions, their validation, simulation and four-eyes deployment.
 * <p>
 * Allowed dependencies (verified by {@code ModularityTests}): identity (the approval tiers a rule may route to),
 * system (its four-eyes rule, messages).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "system" })
package com.creditdesk.policy;
