package com.creditdesk.identity;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The person calling CreditDesk's API, with their Camunda groups.
 */
public record CurrentUser(String id, List<String> groups) {

	public static CurrentUser get() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			throw new IllegalStateException("no authenticated user");
		}
		return new CurrentUser(authentication.getName(),
				authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
	}

	/** Managers and administrators see every customer; reps only their own. */
	public boolean seesAllCustomers() {
		return groups.stream().anyMatch(Roles::isManagement);
	}

	/** Whether the user may see a customer this rep looks after: its own rep, managers and administrators. */
	public boolean seesCustomerOf(String responsibleRep) {
		return seesAllCustomers() || id.equals(responsibleRep);
	}

	public boolean isMemberOf(String group) {
		return groups.contains(group);
	}

}
