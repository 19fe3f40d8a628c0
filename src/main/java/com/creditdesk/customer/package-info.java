/**
 * Customers, their credit limit in force over time, temporary increases and key-account classes.
 * <p>
 * Allowed dependencies (verified by {@code ModularityTests}): identity, system.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "system" })
package com.creditdesk.customer;
