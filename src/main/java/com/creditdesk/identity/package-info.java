/**
 * Users, groups and roles, the approval tiers' table (ApprovalTiers), the Tasklist filters and the authorizations;
 * who is asking (CurrentUser).
 * <p>
 * Allowed dependencies (verified by {@code ModularityTests}): system (the shared labels and messages).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system" })
package com.creditdesk.identity;
