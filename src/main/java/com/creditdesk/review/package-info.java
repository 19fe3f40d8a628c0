/**
 * Re-evaluations, the daily due reviews and temporary limit increases.
 * <p>
 * Allowed dependencies (verified by {@code ModularityTests}): approval, customer, identity, investigation,
 * receivable, system.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "approval", "customer", "identity", "investigation", "receivable", "system" })
package com.creditdesk.review;
