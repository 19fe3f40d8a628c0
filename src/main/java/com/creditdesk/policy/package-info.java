/**
 * The policy workbench: candidates of the policy decisions, their validation, simulation and four-eyes deployment.
 * <p>
 * Allowed dependencies (verified by {@code ModularityTests}): approval, identity, system.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "approval", "identity", "system" })
package com.creditdesk.policy;
