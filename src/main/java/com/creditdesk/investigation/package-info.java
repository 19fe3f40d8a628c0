/**
 * Credit files (the investigation and the re-evaluation record theirs here), the scorecard call, bank inquiry,
 * policy exceptions. The ratios, ratings and the score explanation live in scoring. A submitted application goes to
 * the approval through its typed call contract; the approval reads the application back through
 * {@code CreditApplicationSource}.
 * <p>
 * Allowed dependencies (verified by {@code ModularityTests}): approval, customer, identity, scoring, system.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "approval", "customer", "identity", "scoring", "system" })
package com.creditdesk.investigation;
