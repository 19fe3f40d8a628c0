/**
 * Users, groups and roles, the Tasklist filters and the authorizations; who is asking (CurrentUser). Depends on no
 * capability.
 * <p>
 * Allowed dependencies (verified by {@code ModularityTests}): none.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package com.creditdesk.identity;
