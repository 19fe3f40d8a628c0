/**
 * Credit files: statements, ratios, ratings, the scorecard and its explanation, policy exceptions.
 * <p>
 * Allowed dependencies (verified by {@code ModularityTests}): customer, identity, system.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "customer", "identity", "system" })
package com.creditdesk.investigation;
