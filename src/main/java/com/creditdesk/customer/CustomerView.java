package com.creditdesk.customer;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A customer as the API shows it. */
record CustomerView(long id, String name, String creditCode, OwnershipType ownershipType, String industry,
		String region, String companySize, String address, String contactName, String contactPhone,
		String responsibleRep, CustomerStatus status, String creditGrade, BigDecimal creditLimit,
		LocalDate limitValidFrom, LocalDate limitValidUntil, LocalDate nextReviewDate, String cashOnlyReason,
		String openCaseProcessId, String keyAccountClass, boolean keyAccount, Integer keyAccountRank,
		BigDecimal keyAccountSales, BigDecimal keyAccountShare, LocalDate keyAccountAsOf) {

	static CustomerView of(Customer c) {
		return new CustomerView(c.getId(), c.getName(), c.getCreditCode(), c.getOwnershipType(), c.getIndustry(),
				c.getRegion(), c.getCompanySize(), c.getAddress(), c.getContactName(), c.getContactPhone(),
				c.getResponsibleRep(), c.getStatus(), c.getCreditGrade(), c.getCreditLimit(), c.getLimitValidFrom(),
				c.getLimitValidUntil(),
				c.getNextReviewDate(), c.getCashOnlyReason(), c.getOpenCaseProcessId(), c.getKeyAccountClass(),
				c.isKeyAccount(), c.getKeyAccountRank(), c.getKeyAccountSales(), c.getKeyAccountShare(),
				c.getKeyAccountAsOf());
	}

}
