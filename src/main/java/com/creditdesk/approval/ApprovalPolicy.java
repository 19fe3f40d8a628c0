package com.creditdesk.approval;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Service levels of the approval tasks, used from the BPMN as {@code ${approvalPolicy...}}: the due date (working
 * days), when the group is reminded, and when (and to whom) a waiting task is escalated.
 */
@Component("approvalPolicy")
public class ApprovalPolicy {

	private final ApprovalProperties properties;

	ApprovalPolicy(ApprovalProperties properties) {
		this.properties = properties;
	}

	/** Now plus the configured number of working days (Saturdays and Sundays do not count). */
	public Date dueDate() {
		LocalDateTime due = LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
		int left = properties.dueWorkingDays();
		while (left > 0) {
			due = due.plusDays(1);
			if (due.getDayOfWeek() != DayOfWeek.SATURDAY && due.getDayOfWeek() != DayOfWeek.SUNDAY) {
				left--;
			}
		}
		return Date.from(due.atZone(ZoneId.systemDefault()).toInstant());
	}

	/** The group is reminded when the due date passes. */
	public Date reminderDate() {
		return dueDate();
	}

	/** ISO-8601 duration after which a waiting approval goes to the next level, e.g. {@code P5D}. */
	public String escalationDuration() {
		return properties.escalateAfter().toString();
	}

	/** The group a waiting task escalates to: the next level up, or the credit administrators at the top. */
	public String escalationGroup(String group) {
		List<String> levels = properties.levels();
		int index = levels.indexOf(group);
		return index >= 0 && index + 1 < levels.size() ? levels.get(index + 1) : properties.topEscalationGroup();
	}

	/**
	 * @param dueWorkingDays working days an approver has (default 2)
	 * @param escalateAfter how long a task may wait before it goes to the next level (default 5 days)
	 * @param levels the approval levels from the lowest up
	 * @param topEscalationGroup where the top level's waiting tasks go
	 */
	@ConfigurationProperties("creditdesk.approval")
	record ApprovalProperties(Integer dueWorkingDays, Duration escalateAfter, List<String> levels,
			String topEscalationGroup) {

		ApprovalProperties {
			dueWorkingDays = dueWorkingDays == null ? 2 : dueWorkingDays;
			escalateAfter = escalateAfter == null ? Duration.ofDays(5) : escalateAfter;
			levels = levels == null ? List.of("customerManagers", "directSalesManagers", "regionalManagers")
					: List.copyOf(levels);
			topEscalationGroup = topEscalationGroup == null ? "creditAdmins" : topEscalationGroup;
		}

	}

}
