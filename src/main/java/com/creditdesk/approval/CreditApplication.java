package com.creditdesk.approval;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A submitted credit application as the approval reads it: the amount under decision and what the approvers' form
 * shows beside it. It is always read from the credit file the calling case submitted (see {@link CreditApplications}),
 * never from the calling case's variables.
 *
 * @param amount the amount under decision: the limit the rep proposed on the file (for a temporary increase, the
 * current limit plus the increase)
 * @param requester who submitted the application, as authenticated when it was submitted
 * @param exceptionCodes the policy exceptions the application makes (decision {@code policy-exceptions}), or null
 * @param ratioAssessments form variable → "1.25 : 1 — meets the benchmark (1 : 1)"
 * @param ratioLights form variable → "✔ 1.25 : 1 达标 meets"
 */
public record CreditApplication(long creditFileId, long customerId, String caseProcessInstanceId, BigDecimal amount,
		String requester, String exceptionCodes, String exceptionSummary, String exceptionJustification,
		Integer creditScore, String creditGrade, BigDecimal suggestedLimit, String proposalReason,
		String bankInquirySummary, int paymentTermDays, BigDecimal expectedMonthlyPurchases,
		Map<String, String> ratioAssessments, Map<String, String> ratioLights) {

	/** Whether the application departs from the policy: its approval goes one tier higher (approval-authority). */
	public boolean policyException() {
		return exceptionCodes != null;
	}

}
