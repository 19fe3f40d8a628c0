package com.creditdesk.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates CreditDesk's groups, the administrator, the authorizations of each role and the shared Tasklist
 * filters when the engine starts. Idempotent: safe on every restart and on several nodes. In the demo profile
 * it also creates one demo user per role.
 * <p>
 * Longer than 300 lines on purpose: it is the idempotent set-up of everything identity-related (groups,
 * authorizations, filters, demo users) as one readable list, run once per start.
 */
@Component
class IdentitySetup extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);


	private final IdentityProperties properties;

	private final TasklistProperties tasklist;

	private final ApprovalTiers tiers;

	/** Group id → name: the reps, every approval tier, the credit administrators. */
	private final Map<String, String> roleGroups;

	IdentitySetup(IdentityProperties properties, TasklistProperties tasklist, ApprovalTiers tiers) {
		this.properties = properties;
		this.tasklist = tasklist;
		this.tiers = tiers;
		this.roleGroups = roleGroups(tiers);
		String password = properties.admin().password();
		if (password == null || password.isBlank()) {
			throw new IllegalStateException("No administrator password configured. Set the environment variable "
					+ IdentityProperties.ADMIN_PASSWORD_VARIABLE
					+ " (or the property creditdesk.admin.password); outside the demo profile CreditDesk has no default password.");
		}
	}

	private static Map<String, String> roleGroups(ApprovalTiers tiers) {
		Map<String, String> groups = new LinkedHashMap<>();
		groups.put(Roles.SALES_REPS, "Sales reps (承办人)");
		tiers.tiers().forEach(tier -> groups.put(tier.group(), tier.name()));
		groups.put(Roles.CREDIT_ADMINS, "Credit administrators");
		return groups;
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		IdentityService identity = engine.getIdentityService();
		AuthorizationService authorizations = engine.getAuthorizationService();

		ensureGroup(identity, Groups.CAMUNDA_ADMIN, "Camunda administrators", Groups.GROUP_TYPE_SYSTEM);
		ensureGroup(identity, Roles.OPERATIONS, "运维 Operations", Groups.GROUP_TYPE_SYSTEM);
		roleGroups.forEach((id, name) -> ensureGroup(identity, id, name, Groups.GROUP_TYPE_WORKFLOW));

		IdentityProperties.Admin admin = properties.admin();
		boolean adminCreated = ensureUser(identity, admin.id(), admin.password(), admin.firstName(), admin.lastName(),
				admin.email());
		ensureMembership(identity, admin.id(), Groups.CAMUNDA_ADMIN);
		if (adminCreated) {
			log.info("Created administrator '{}' (member of {})", admin.id(), Groups.CAMUNDA_ADMIN);
		}

		IdentityProperties.MetricsScraper scraper = properties.metricsScraper();
		if (scraper.configured()) {
			if (ensureUser(identity, scraper.id(), scraper.password(), "Metrics", "Scraper", null)) {
				log.info("Created metrics scraper '{}' (member of {})", scraper.id(), Roles.OPERATIONS);
			}
			else if (!identity.checkPassword(scraper.id(), scraper.password())) {
				// the configured password is the scraper's: a changed CREDITDESK_METRICS_PASSWORD takes effect
				User user = identity.createUserQuery().userId(scraper.id()).singleResult();
				user.setPassword(scraper.password());
				identity.saveUser(user);
				log.info("Changed the metrics scraper's password ('{}')", scraper.id());
			}
			ensureMembership(identity, scraper.id(), Roles.OPERATIONS);
		}
		else if (identity.createUserQuery().userId(scraper.id()).memberOfGroup(Roles.OPERATIONS).count() > 0) {
			// no password configured any more: the old one no longer reads the metrics
			identity.deleteMembership(scraper.id(), Roles.OPERATIONS);
			log.info("Metrics scraper '{}' removed from {} (no CREDITDESK_METRICS_PASSWORD)", scraper.id(), Roles.OPERATIONS);
		}

		grantAdministrators(authorizations);
		grantRoles(authorizations);
		createFilters(engine.getFilterService(), engine.getTaskService(), authorizations);

		if (properties.demo().enabled()) {
			createDemoUsers(identity);
		}
	}

	private void grantAdministrators(AuthorizationService authorizations) {
		for (Resource resource : Resources.values()) {
			grant(authorizations, Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
		}
	}

	private void grantRoles(AuthorizationService authorizations) {
		List<String> everyone = new ArrayList<>(roleGroups.keySet());
		for (String group : everyone) {
			grant(authorizations, group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
			grant(authorizations, group, Resources.USER, ANY, Permissions.READ);
		}

		// Reps start the credit processes from Tasklist; everybody else works the tasks routed to their groups.
		for (String processKey : tasklist.repStartableProcesses()) {
			grant(authorizations, Roles.SALES_REPS, Resources.PROCESS_DEFINITION, processKey,
					ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
		}
		grant(authorizations, Roles.SALES_REPS, Resources.PROCESS_INSTANCE, ANY,
				ProcessInstancePermissions.CREATE);
		// the system opens collection cases; reps work the reminder and letter tasks assigned to them
		grant(authorizations, Roles.SALES_REPS, Resources.PROCESS_DEFINITION, "overdue-collection",
				ProcessDefinitionPermissions.READ);
		for (String manager : tiers.groups()) {
			grant(authorizations, manager, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
		}

		// Credit administrators operate the engine in Cockpit and read (but do not administer) users in Admin.
		String creditAdmins = Roles.CREDIT_ADMINS;
		grant(authorizations, creditAdmins, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
		grant(authorizations, creditAdmins, Resources.APPLICATION, "admin", Permissions.ACCESS);
		grant(authorizations, creditAdmins, Resources.PROCESS_DEFINITION, ANY, Permissions.ALL);
		grant(authorizations, creditAdmins, Resources.PROCESS_INSTANCE, ANY, Permissions.ALL);
		grant(authorizations, creditAdmins, Resources.TASK, ANY, Permissions.ALL);
		grant(authorizations, creditAdmins, Resources.DECISION_DEFINITION, ANY, Permissions.ALL);
		grant(authorizations, creditAdmins, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.ALL);
		grant(authorizations, creditAdmins, Resources.DEPLOYMENT, ANY, Permissions.READ);
		grant(authorizations, creditAdmins, Resources.BATCH, ANY, Permissions.ALL);
		grant(authorizations, creditAdmins, Resources.GROUP, ANY, Permissions.READ);
		grant(authorizations, creditAdmins, Resources.TENANT, ANY, Permissions.READ);
		grant(authorizations, creditAdmins, Resources.REPORT, ANY, Permissions.ALL);
		grant(authorizations, creditAdmins, Resources.DASHBOARD, ANY, Permissions.ALL);
	}

	private void createFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
		List<String> everyone = List.copyOf(roleGroups.keySet());
		// each role sees the filters that can hold its tasks (a rep never gets an approval, for example)
		List<String> managersAndAdmins = new java.util.ArrayList<>(tiers.groups());
		managersAndAdmins.add(Roles.CREDIT_ADMINS);
		List<FilterSpec> specs = List.of(
				new FilterSpec("我的任务 All my tasks", "All my tasks",
						"分给您或您所在组的全部任务 Every task you may work on: assigned to you or to your groups", -10,
						query -> {
						}, everyone),
				new FilterSpec("信用调查 Credit investigations", "Credit investigations",
						"调查、银行征询和授信申请 Investigation, bank inquiry and application tasks", 0,
						process("credit-investigation"), List.of(Roles.SALES_REPS, Roles.CREDIT_ADMINS)),
				new FilterSpec("授信审批 Credit approvals", "Credit approvals",
						"等待您这一级审批的授信 Credit-grant approvals waiting for your level", 10,
						process("credit-grant-approval"), managersAndAdmins),
				// the reminder (priority 80) and the escalation (90) mark what is past its due date
				new FilterSpec("逾期待办 Overdue", "Overdue",
						"已过期限、已提醒或已升级的任务 Tasks past their due date: reminded or escalated", 5,
						query -> query.taskMinPriority(OVERDUE_PRIORITY), managersAndAdmins),
				new FilterSpec("信用复核 Credit reviews", "Credit reviews",
						"老客户的信用复核 Re-evaluations of existing customers", 20, process("credit-reevaluation"),
						List.of(Roles.SALES_REPS, Roles.CUSTOMER_MANAGERS, Roles.CREDIT_ADMINS)),
				new FilterSpec("催收 Collections", "Collections", "需要追收的逾期应收 Overdue receivables to chase", 30,
						process("overdue-collection"),
						List.of(Roles.SALES_REPS, Roles.DIRECT_SALES_MANAGERS, Roles.REGIONAL_MANAGERS, Roles.CREDIT_ADMINS)),
				new FilterSpec("政策变更 Policy changes", "Policy changes",
						"等待另一位信用管理员审核的政策变更 Credit-policy changes waiting for another credit administrator's review",
						35, process("policy-change"), List.of(Roles.CREDIT_ADMINS)),
				// credit administrators see every task; this view shows who has not taken theirs yet
				new FilterSpec("无人认领 Unclaimed", "Unclaimed",
						"还没有人认领的任务 Open tasks nobody has claimed yet", 40, TaskQuery::taskUnassigned,
						List.of(Roles.CREDIT_ADMINS)));
		for (FilterSpec spec : specs) {
			Filter filter = filters.createFilterQuery().filterName(spec.name()).singleResult();
			Filter former = filter != null ? null
					: filters.createFilterQuery().filterName(spec.formerName()).singleResult();
			if (former != null) {
				// created by an earlier version under its English name: renamed, and shown as this version shows it
				Map<String, Object> props = new LinkedHashMap<>(former.getProperties());
				props.put("description", spec.description());
				props.put("variables", FILTER_VARIABLES);
				filter = filters.saveFilter(former.setName(spec.name()).setProperties(props));
				log.info("Renamed Tasklist filter '{}' to '{}'", spec.formerName(), spec.name());
			}
			if (filter == null) {
				// No expressions (e.g. ${currentUser()}): stored-query expressions are disabled on purpose, and
				// authorization already limits every filter to the tasks the user may see.
				TaskQuery query = tasks.createTaskQuery();
				spec.query().accept(query);
				Map<String, Object> props = new LinkedHashMap<>();
				props.put("description", spec.description());
				props.put("priority", spec.priority());
				props.put("refresh", true);
				props.put("variables", FILTER_VARIABLES);
				filter = filters.newTaskFilter(spec.name()).setOwner(properties.admin().id()).setQuery(query)
						.setProperties(props);
				filters.saveFilter(filter);
				log.info("Created Tasklist filter '{}'", spec.name());
			}
			for (String group : everyone) {
				if (spec.groups().contains(group)) {
					grant(authorizations, group, Resources.FILTER, filter.getId(), Permissions.READ);
				}
				else {
					revoke(authorizations, group, Resources.FILTER, filter.getId()); // granted by an earlier version
				}
			}
		}
	}

	/** What a task card shows (task-local copies, see TaskCardPlugin): the amount already formatted. */
	private static final List<Map<String, String>> FILTER_VARIABLES = List.of(
			Map.of("name", "customerName", "label", "客户 Customer"),
			Map.of("name", "amountText", "label", "金额 Amount"),
			Map.of("name", "creditGrade", "label", "等级 Grade"));

	/** @param formerName the English name earlier versions created it under (renamed on start) */
	private record FilterSpec(String name, String formerName, String description, int priority,
			java.util.function.Consumer<TaskQuery> query, List<String> groups) {
	}

	/** Tasks at or above this priority are past their due date: the approval reminder sets 80, escalations 80–90. */
	static final int OVERDUE_PRIORITY = 80;

	private static java.util.function.Consumer<TaskQuery> process(String key) {
		return query -> query.processDefinitionKey(key);
	}

	private void createDemoUsers(IdentityService identity) {
		String password = properties.demo().password();
		for (DemoUser demo : DemoUser.values()) {
			if (ensureUser(identity, demo.id, password, demo.firstName, demo.lastName, demo.id + "@creditdesk.local")) {
				log.info("Created demo user '{}' ({})", demo.id, Arrays.toString(demo.groups));
			}
			for (String group : demo.groups) {
				ensureMembership(identity, demo.id, group);
			}
		}
	}

	/** One demo user per role (two regional managers); {@code carl} is both a rep and a customer manager to show the four-eyes rule. */
	enum DemoUser {

		ANA("ana", "Ana", "Lin", Roles.SALES_REPS),
		BEN("ben", "Ben", "Zhou", Roles.SALES_REPS),
		CARL("carl", "Carl", "Wu", Roles.CUSTOMER_MANAGERS,
				Roles.SALES_REPS),
		CLARA("clara", "Clara", "Sun", Roles.CUSTOMER_MANAGERS),
		DORA("dora", "Dora", "Chen", Roles.DIRECT_SALES_MANAGERS),
		ERIK("erik", "Erik", "Wang", Roles.REGIONAL_MANAGERS),
		FAY("fay", "Fay", "Liu", Roles.CREDIT_ADMINS),
		/** A second regional manager: a write-off erik proposes needs another regional manager's approval. */
		GINA("gina", "Gina", "Zhao", Roles.REGIONAL_MANAGERS),
		/** A second credit administrator: a policy change fay proposes needs another credit administrator's approval. */
		HANA("hana", "Hana", "Wu", Roles.CREDIT_ADMINS),
		/** Operations: reads the metrics (/actuator/prometheus), nothing else. */
		OSCAR("oscar", "Oscar", "Ma", Roles.OPERATIONS);

		final String id;

		final String firstName;

		final String lastName;

		final String[] groups;

		DemoUser(String id, String firstName, String lastName, String... groups) {
			this.id = id;
			this.firstName = firstName;
			this.lastName = lastName;
			this.groups = groups;
		}

	}

	private static void ensureGroup(IdentityService identity, String id, String name, String type) {
		if (identity.createGroupQuery().groupId(id).count() == 0) {
			Group group = identity.newGroup(id);
			group.setName(name);
			group.setType(type);
			identity.saveGroup(group);
		}
	}

	private static boolean ensureUser(IdentityService identity, String id, String password, String firstName,
			String lastName, String email) {
		if (identity.createUserQuery().userId(id).count() > 0) {
			return false;
		}
		User user = identity.newUser(id);
		user.setFirstName(firstName);
		user.setLastName(lastName);
		user.setEmail(email);
		user.setPassword(password);
		PasswordPolicyResult policy = identity.getPasswordPolicy() == null ? null
				: identity.checkPasswordAgainstPolicy(password, user);
		if (policy != null && !policy.isValid()) {
			throw new IllegalStateException("The password configured for '" + id
					+ "' does not meet the password policy: " + policy.getViolatedRules().stream()
						.map(rule -> rule.getPlaceholder() + rule.getParameters())
						.toList());
		}
		identity.saveUser(user);
		return true;
	}

	private static void ensureMembership(IdentityService identity, String userId, String groupId) {
		if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
			identity.createMembership(userId, groupId);
		}
	}

	private static void revoke(AuthorizationService authorizations, String groupId, Resource resource,
			String resourceId) {
		authorizations.createAuthorizationQuery()
			.authorizationType(AUTH_TYPE_GRANT)
			.groupIdIn(groupId)
			.resourceType(resource)
			.resourceId(resourceId)
			.list()
			.forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
	}

	private static void grant(AuthorizationService authorizations, String groupId, Resource resource,
			String resourceId, Permission... permissions) {
		Authorization authorization = authorizations.createAuthorizationQuery()
			.authorizationType(AUTH_TYPE_GRANT)
			.groupIdIn(groupId)
			.resourceType(resource)
			.resourceId(resourceId)
			.singleResult();
		if (authorization == null) {
			authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
			authorization.setGroupId(groupId);
			authorization.setResource(resource);
			authorization.setResourceId(resourceId);
		}
		boolean changed = authorization.getId() == null;
		for (Permission permission : permissions) {
			if (!authorization.isPermissionGranted(permission)) {
				authorization.addPermission(permission);
				changed = true;
			}
		}
		if (changed) {
			authorizations.saveAuthorization(authorization);
		}
	}

}
