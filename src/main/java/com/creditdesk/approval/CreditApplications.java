package com.creditdesk.approval;

/**
 * Where the approval reads the application it decides: the capability that keeps credit files implements it
 * (investigation), so that approval does not depend on investigation, while investigation and review call the
 * approval through {@link CreditGrantApprovalCall}.
 */
public interface CreditApplications {

	/**
	 * The application submitted on this credit file.
	 * @throws IllegalStateException if the file does not exist or carries no submitted application
	 */
	CreditApplication application(long creditFileId);

	/** Why the file scored what it did (for the approvers' form), or null if it was not scored on statements. */
	String scoreExplanation(long creditFileId);

}
