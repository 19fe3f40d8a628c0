/**
 * The demo portfolio, seeded through the same services people use (demo profile only).
 * <p>
 * Allowed dependencies (verified by {@code ModularityTests}): collection, customer, investigation, receivable,
 * system.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "collection", "customer", "investigation", "receivable", "system" })
package com.creditdesk.demo;
