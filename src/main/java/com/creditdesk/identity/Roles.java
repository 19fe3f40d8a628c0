package com.creditdesk.identity;

import java.util.List;

/**
 * The Camunda groups CreditDesk works with. Ids are camelCase because Camunda's default id whitelist
 * rejects '-' (except for {@code camunda-admin}).
 */
public final class Roles {

	public static final String SALES_REPS = "salesReps";
	public static final String CUSTOMER_MANAGERS = "customerManagers";
	public static final String DIRECT_SALES_MANAGERS = "directSalesManagers";
	public static final String REGIONAL_MANAGERS = "regionalManagers";
	public static final String CREDIT_ADMINS = "creditAdmins";
	public static final String CAMUNDA_ADMIN = "camunda-admin";

	/** Groups whose members may see every customer, not only the ones they are responsible for. */
	public static final List<String> MANAGEMENT = List.of(CUSTOMER_MANAGERS, DIRECT_SALES_MANAGERS, REGIONAL_MANAGERS,
			CREDIT_ADMINS, CAMUNDA_ADMIN);

	public static final List<String> MANAGERS = List.of(CUSTOMER_MANAGERS, DIRECT_SALES_MANAGERS, REGIONAL_MANAGERS);

	private Roles() {
	}

}
