package com.creditdesk.identity;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.creditdesk.system.CodeNames;
import com.creditdesk.system.DecisionVocabulary;

/**
 * The approval tiers of the authority matrix, lowest first: the one table from which everything about a tier except
 * its amounts is derived. The amounts are policy and live in {@code approval-authority.dmn}, which routes to these
 * groups; from this table come the approver groups created at start (with their Tasklist access and filters), who sees
 * every customer, the escalation ladder (a waiting approval goes to the next tier, the top tier's to
 * {@code topEscalationGroup}) and the tier's name on tasks, pages and messages. Configured as
 * {@code creditdesk.authority.tiers} in {@code application.yaml}; README "Add an approval tier".
 *
 * @param tiers the tiers, lowest first
 * @param topEscalationGroup where the top tier's waiting approvals go (default {@code creditAdmins})
 */
@ConfigurationProperties("creditdesk.authority")
public record ApprovalTiers(List<Tier> tiers, String topEscalationGroup) implements CodeNames, DecisionVocabulary {

	/**
	 * @param group the Camunda group that approves at this tier (letters and digits: Camunda's id rule)
	 * @param name its name, Simplified Chinese with the English term, e.g. {@code 客户经理 Customer manager}
	 * @param escalatesTo where its waiting approvals go; empty: the next tier up
	 */
	public record Tier(String group, String name, String escalatesTo) {
	}

	public ApprovalTiers {
		if (tiers == null || tiers.isEmpty()) {
			throw new IllegalStateException("creditdesk.authority.tiers is empty: the authority matrix needs at least one"
					+ " approval tier (see application.yaml)");
		}
		Set<String> seen = new HashSet<>();
		for (Tier tier : tiers) {
			if (tier.group() == null || !tier.group().matches("[A-Za-z0-9]+")) {
				throw new IllegalStateException("creditdesk.authority.tiers: '" + tier.group()
						+ "' is not a group id (letters and digits only)");
			}
			if (!seen.add(tier.group())) {
				throw new IllegalStateException("creditdesk.authority.tiers: group '" + tier.group() + "' twice");
			}
			if (tier.name() == null || tier.name().isBlank()) {
				throw new IllegalStateException("creditdesk.authority.tiers: group '" + tier.group() + "' has no name");
			}
		}
		tiers = List.copyOf(tiers);
		topEscalationGroup = topEscalationGroup == null || topEscalationGroup.isBlank() ? Roles.CREDIT_ADMINS
				: topEscalationGroup;
		Roles.registerApprovers(groups(tiers));
	}

	private static List<String> groups(List<Tier> tiers) {
		return tiers.stream().map(Tier::group).toList();
	}

	/** The approver groups, lowest tier first. */
	public List<String> groups() {
		return groups(tiers);
	}

	public Optional<Tier> tier(String group) {
		return tiers.stream().filter(t -> t.group().equals(group)).findFirst();
	}

	/** The tier's name; the group id for a group that is not a tier. */
	public String name(String group) {
		return tier(group).map(Tier::name).orElse(group);
	}

	/** Where a waiting approval of this group goes: the tier's own target, else the next tier up, else the top's. */
	public String escalationGroup(String group) {
		int index = groups().indexOf(group);
		if (index < 0) {
			return topEscalationGroup;
		}
		Tier tier = tiers.get(index);
		if (tier.escalatesTo() != null && !tier.escalatesTo().isBlank()) {
			return tier.escalatesTo();
		}
		return index + 1 < tiers.size() ? tiers.get(index + 1).group() : topEscalationGroup;
	}

	@Override
	public Map<String, String> codeNames() {
		Map<String, String> names = new LinkedHashMap<>();
		tiers.forEach(tier -> names.put(tier.group(), tier.name()));
		return names;
	}

	@Override
	public String decisionId() {
		return "approval-authority";
	}

	@Override
	public String output() {
		return "approverGroup";
	}

	@Override
	public Set<String> allowed() {
		return new java.util.LinkedHashSet<>(groups());
	}

	@Override
	public String source() {
		return "creditdesk.authority.tiers";
	}

}
