package com.creditdesk.customer;

import java.util.LinkedHashMap;
import java.util.Map;

/** The company facts a rep records about a (prospective) customer. */
public record CustomerFacts(String name, String creditCode, OwnershipType ownershipType, String industry,
		String region, String companySize, String address, String contactName, String contactPhone) {

	/** What is wrong, by form field key; empty when the facts are complete and the credit code is valid. */
	public Map<String, String> problems() {
		Map<String, String> problems = new LinkedHashMap<>();
		if (name == null || name.isBlank()) {
			problems.put("customerName", "The company name is missing.");
		}
		else if (name.length() > 200) {
			problems.put("customerName", "The company name is longer than 200 characters.");
		}
		CreditCode.problem(creditCode).ifPresent(problem -> problems.put("creditCode", problem));
		if (ownershipType == null) {
			problems.put("ownershipType", "Choose the ownership type.");
		}
		tooLong(problems, "industry", "The industry", industry, 100);
		tooLong(problems, "region", "The region", region, 100);
		tooLong(problems, "companySize", "The company size", companySize, 20);
		tooLong(problems, "address", "The address", address, 300);
		tooLong(problems, "contactName", "The contact's name", contactName, 100);
		tooLong(problems, "contactPhone", "The contact's phone", contactPhone, 40);
		return problems;
	}

	private static void tooLong(Map<String, String> problems, String key, String label, String value, int max) {
		if (value != null && value.strip().length() > max) {
			problems.put(key, label + " is longer than " + max + " characters.");
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
