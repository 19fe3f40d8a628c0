package com.creditdesk.approval;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One level of the approval chain as recorded with the credit decision when the approval opened: the authority
 * matrix's answer for the amount, and where the level's task went if it waited too long. The approval steps read
 * who decides and up to which amount from here, never from a process variable.
 */
@Embeddable
class ChainLevel {

	@Column(name = "level_no")
	private int level;

	private String approverGroup;

	private BigDecimal authorityLimit;

	private String escalatedTo;

	protected ChainLevel() {
	}

	ChainLevel(ApprovalLevel level) {
		this.level = level.level();
		this.approverGroup = level.approverGroup();
		this.authorityLimit = level.authorityLimit();
	}

	ApprovalLevel toLevel() {
		return new ApprovalLevel(level, approverGroup, authorityLimit);
	}

	String getApproverGroup() {
		return approverGroup;
	}

	String getEscalatedTo() {
		return escalatedTo;
	}

	void escalateTo(String group) {
		this.escalatedTo = group;
	}

}
