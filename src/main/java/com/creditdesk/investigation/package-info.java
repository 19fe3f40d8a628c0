/**
 * Credit files (the investigation and the re-evaluation record theirs here), the scorecard call, bank inquiry,
 * policy exceptions. The ratios, ratings and the score explanation live in scoring.
 * <p>
 * Allowed dependencies (verified by {@code ModularityTests}): customer, identity, scoring, system.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "customer", "identity", "scoring", "system" })
package com.creditdesk.investigation;
