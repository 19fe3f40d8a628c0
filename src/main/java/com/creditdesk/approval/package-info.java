/**
 * The tiered credit-grant approval and its four eyes, credit decisions. A case calls it through the typed contract
 * {@link com.creditdesk.approval.CreditGrantApprovalCall}; the application it decides is read through
 * {@link com.creditdesk.approval.CreditApplications}, which the capability keeping credit files implements.
 * <p>
 * Allowed dependencies (verified by {@code ModularityTests}): customer, identity, notification, receivable,
 * system.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "customer", "identity", "notification", "receivable", "system" })
package com.creditdesk.approval;
