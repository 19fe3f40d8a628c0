/**
 * Scoring: the financial statement figures, the four ratios (FinancialRatioCalculator), the twelve qualitative
 * ratings, and why a file scored what it did (ScoreExplanation, worked out by evaluating the deployed scorecard).
 * Used by the new-customer investigation and by the re-evaluation alike.
 * <p>
 * Allowed dependencies (verified by {@code ModularityTests}): system.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system" })
package com.creditdesk.scoring;
