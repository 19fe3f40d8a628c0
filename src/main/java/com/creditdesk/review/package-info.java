/**
 * Re-evaluations, the daily due reviews and temporary limit increases.
 * <p>
 * Allowed dependencies (verified by {@code ModularityTests}): approval, collection (the events it publishes: a broken
 * promise triggers a re-evaluation), customer, identity, investigation, receivable, scoring (ratios, explanation),
 * system.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "approval", "collection", "customer", "identity", "investigation", "receivable", "scoring", "system" })
package com.creditdesk.review;
