/**
 * Notifications by e-mail: who gets which mail (task waiting, reminders, escalations, broken promises), letters sent
 * to customers with their PDF, the daily digest a person may choose instead, the outbox. Off unless
 * {@code spring.mail.host} is set. A mail is recorded in the step's transaction and sent after commit by a durable
 * follow-up, so a mail failure never fails the business step.
 * <p>
 * Allowed dependencies (verified by {@code ModularityTests}): identity, system.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "system" })
package com.creditdesk.notification;
