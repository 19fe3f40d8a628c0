/**
 * Overdue collection: cases, stages, promises, disputes, letters, write-offs and liabilities.
 * <p>
 * Allowed dependencies (verified by {@code ModularityTests}): approval, customer, identity, notification, receivable,
 * system. It
 * does not call review: a broken promise is published ({@link com.creditdesk.collection.PromiseBroken}, a durable
 * follow-up) and review reacts to it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "approval", "customer", "identity", "notification", "receivable", "system" })
package com.creditdesk.collection;
