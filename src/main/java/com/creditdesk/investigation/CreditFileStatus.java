package com.creditdesk.investigation;

/** Where a credit file stands. Only an {@code IN_PROGRESS} file changes. */
public enum CreditFileStatus {

	IN_PROGRESS, SUBMITTED, APPROVED, REJECTED, CASH_ONLY, WITHDRAWN

}
