package com.creditdesk.approval;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One approver's decision within a credit decision. */
@Entity
@Table(name = "credit_decision_step")
public class CreditDecisionStep {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "level_no")
	private int level;

	private String approverGroup;

	private String approver;

	@Enumerated(EnumType.STRING)
	private StepDecision decision;

	private BigDecimal amount;

	@Column(name = "comment_text")
	private String comment;

	private Instant decidedAt;

	protected CreditDecisionStep() {
	}

	CreditDecisionStep(int level, String approverGroup, String approver, StepDecision decision, BigDecimal amount,
			String comment) {
		this.level = level;
		this.approverGroup = approverGroup;
		this.approver = approver;
		this.decision = decision;
		this.amount = amount;
		this.comment = comment;
		this.decidedAt = Instant.now();
	}

	public int getLevel() {
		return level;
	}

	public String getApproverGroup() {
		return approverGroup;
	}

	public String getApprover() {
		return approver;
	}

	public StepDecision getDecision() {
		return decision;
	}

	public BigDecimal getAmount() {
		return amount;
	}

	public String getComment() {
		return comment;
	}

	public Instant getDecidedAt() {
		return decidedAt;
	}

}
