package com.creditdesk.approval;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

import com.creditdesk.identity.ApprovalTiers;

/**
 * Service levels of the approval tasks, used from the BPMN as {@code ${approvalPolicy...}}: the due date (working
 * days), when the group is reminded, and when (and to whom) a waiting task is escalated.
 */
@Component("approvalPolicy")
public class ApprovalPolicy {

	private final ApprovalProperties properties;

	private final ApprovalTiers tiers;

	ApprovalPolicy(ApprovalProperties properties, ApprovalTiers tiers) {
		this.properties = properties;
		this.tiers = tiers;
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

	/** The group a waiting task escalates to: the next tier up, or the credit administrators at the top. */
	public String escalationGroup(String group) {
		return tiers.escalationGroup(group);
	}

	/**
	 * @param dueWorkingDays working days an approver has (default 2)
	 * @param escalateAfter how long a task may wait before it goes to the next level (default 5 days)
	 * @see ApprovalTiers the tiers and where each escalates to
	 */
	@ConfigurationProperties("creditdesk.approval")
	record ApprovalProperties(Integer dueWorkingDays, Duration escalateAfter) {

		ApprovalProperties {
			dueWorkingDays = dueWorkingDays == null ? 2 : dueWorkingDays;
			escalateAfter = escalateAfter == null ? Duration.ofDays(5) : escalateAfter;
		}

	}

}
