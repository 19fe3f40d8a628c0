package com.creditdesk.customer;

import java.util.LinkedHashMap;
import java.util.Map;

import com.creditdesk.system.Messages;

/** The company facts a rep records about a (prospective) customer. */
public record CustomerFacts(String name, String creditCode, OwnershipType ownershipType, String industry,
		String region, String companySize, String address, String contactName, String contactPhone) {

	/** What is wrong, by form field key; empty when the facts are complete and the credit code is valid. */
	public Map<String, String> problems() {
		Map<String, String> problems = new LinkedHashMap<>();
		if (name == null || name.isBlank()) {
			problems.put("customerName", Messages.text("customer.nameMissing"));
		}
		else if (name.length() > 200) {
			problems.put("customerName", Messages.text("customer.nameTooLong"));
		}
		CreditCode.problem(creditCode).ifPresent(problem -> problems.put("creditCode", problem));
		if (ownershipType == null) {
			problems.put("ownershipType", Messages.text("customer.ownershipMissing"));
		}
		tooLong(problems, "industry", Messages.text("label.industry"), industry, 100);
		tooLong(problems, "region", Messages.text("label.region"), region, 100);
		tooLong(problems, "companySize", Messages.text("label.companySize"), companySize, 20);
		tooLong(problems, "address", Messages.text("label.address"), address, 300);
		tooLong(problems, "contactName", Messages.text("label.contactName"), contactName, 100);
		tooLong(problems, "contactPhone", Messages.text("label.contactPhone"), contactPhone, 40);
		return problems;
	}

	private static void tooLong(Map<String, String> problems, String key, String label, String value, int max) {
		if (value != null && value.strip().length() > max) {
			problems.put(key, Messages.text("customer.longerThan", label, String.valueOf(max)));
		}
	}

	public static OwnershipType ownership(Object value) {
		if (value == null || value.toString().isBlank()) {
			return null;
		}
		try {
			return OwnershipType.valueOf(value.toString().trim().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

}
