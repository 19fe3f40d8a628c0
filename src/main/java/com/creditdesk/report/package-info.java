/**
 * Pages and reports that read across capabilities: customers, requests, aging, KPIs, statements, exposure per rep.
 * <p>
 * Allowed dependencies (verified by {@code ModularityTests}): approval, customer, identity, investigation,
 * notification, scoring, system.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "approval", "customer", "identity", "investigation", "notification", "scoring", "system" })
package com.creditdesk.report;
