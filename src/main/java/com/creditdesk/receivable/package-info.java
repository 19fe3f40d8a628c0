/**
 * The receivables ledger (invoices, payments, credit notes), exposure, the credit check and the 80/20
 * classification. Never collection: collection reacts to the ledger, not the other way round.
 * <p>
 * Allowed dependencies (verified by {@code ModularityTests}): customer, identity, system.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "customer", "identity", "system" })
package com.creditdesk.receivable;
