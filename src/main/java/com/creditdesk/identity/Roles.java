package com.creditdesk.identity;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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

	/** Operations: read the metrics ({@code /actuator/prometheus}); no Tasklist, no customers. */
	public static final String OPERATIONS = com.creditdesk.system.Operations.GROUP;

	/** The approver groups of every approval tier ({@link ApprovalTiers}); only ever added to. */
	private static final Set<String> APPROVERS = ConcurrentHashMap.newKeySet();

	private Roles() {
	}

	/**
	 * Whether the group's members see every customer, not only the ones they are responsible for: the approvers of
	 * every tier, the credit administrators and the administrators.
	 */
	public static boolean isManagement(String group) {
		return CREDIT_ADMINS.equals(group) || CAMUNDA_ADMIN.equals(group) || APPROVERS.contains(group);
	}

	/**
	 * Called by {@link ApprovalTiers} when the tier table is read. Additive on purpose: the checks above are static
	 * (a {@link CurrentUser} is built from the request), and a group named as a tier never stops being one while the
	 * application runs.
	 */
	static void registerApprovers(List<String> groups) {
		APPROVERS.addAll(groups);
	}

}
