package com.creditdesk.customer;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A customer as the API shows it. */
record CustomerView(long id, String name, String creditCode, OwnershipType ownershipType, String industry,
		String region, String companySize, String address, String contactName, String contactPhone,
		String responsibleRep, CustomerStatus status, String creditGrade, BigDecimal creditLimit,
		LocalDate limitValidUntil, LocalDate nextReviewDate, String cashOnlyReason, String openCaseProcessId) {

	static CustomerView of(Customer c) {
		return new CustomerView(c.getId(), c.getName(), c.getCreditCode(), c.getOwnershipType(), c.getIndustry(),
				c.getRegion(), c.getCompanySize(), c.getAddress(), c.getContactName(), c.getContactPhone(),
				c.getResponsibleRep(), c.getStatus(), c.getCreditGrade(), c.getCreditLimit(), c.getLimitValidUntil(),
				c.getNextReviewDate(), c.getCashOnlyReason(), c.getOpenCaseProcessId());
	}

}
