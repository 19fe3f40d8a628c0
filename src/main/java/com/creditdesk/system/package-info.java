/**
 * Shared infrastructure every capability may use: messages, money, labels, the trust boundary inside the engine
 * (user steps, task guards), security, problem details, follow-ups. Depends on no capability.
 * <p>
 * Allowed dependencies (verified by {@code ModularityTests}): none.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package com.creditdesk.system;
