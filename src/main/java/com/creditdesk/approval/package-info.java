/**
 * The tiered credit-grant approval and its four eyes, credit decisions.
 * <p>
 * Allowed dependencies (verified by {@code ModularityTests}): customer, identity, investigation, receivable, scoring, system.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "customer", "identity", "investigation", "receivable", "scoring", "system" })
package com.creditdesk.approval;
