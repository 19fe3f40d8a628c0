/**
 * Overdue collection: cases, stages, promises, disputes, letters, write-offs and liabilities.
 * <p>
 * Allowed dependencies (verified by {@code ModularityTests}): approval, customer, identity, receivable, review,
 * system.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "approval", "customer", "identity", "receivable", "review", "system" })
package com.creditdesk.collection;
