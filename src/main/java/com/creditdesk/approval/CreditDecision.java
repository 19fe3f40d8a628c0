package com.creditdesk.approval;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A credit decision (授信审批记录): one tiered approval of a credit-grant application, with the authority rule
 * that routed it and every approver's step. Written as the approval goes; final once decided.
 */
@Entity
@Table(name = "credit_decision")
public class CreditDecision {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long customerId;

	private long creditFileId;

	private String processInstanceId;

	private String requestedBy;

	private BigDecimal requestedAmount;

	private BigDecimal maxGrantableAmount;

	private BigDecimal amountUnderReview;

	private BigDecimal approvedAmount;

	private BigDecimal cashOrCollateralAmount;

	@Enumerated(EnumType.STRING)
	private ApprovalOutcome outcome;

	private String approvalChain;

	private String authorityRule;

	/** The policy exceptions the application was decided with (codes, and as people read them); null: none. */
	private String exceptionCodes;

	private String exceptionSummary;

	/** The customer was a key account (重点客户) when the decision opened: the whole chain decides. */
	private boolean keyAccount;

	private LocalDate validUntil;

	private Instant createdAt;

	private Instant decidedAt;

	@Version
	private long version;

	@OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER, orphanRemoval = true)
	@JoinColumn(name = "credit_decision_id", nullable = false)
	@OrderBy("decidedAt, id")
	private List<CreditDecisionStep> steps = new ArrayList<>();

	/** The chain the authority matrix returned when the approval opened, lowest level first. */
	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "credit_decision_level", joinColumns = @JoinColumn(name = "credit_decision_id"))
	@OrderColumn(name = "level_index")
	private List<ChainLevel> levels = new ArrayList<>();

	protected CreditDecision() {
	}

	CreditDecision(long customerId, long creditFileId, String processInstanceId, String requestedBy,
			BigDecimal requestedAmount, BigDecimal maxGrantableAmount, String approvalChain, String authorityRule,
			LocalDate validUntil) {
		this.customerId = customerId;
		this.creditFileId = creditFileId;
		this.processInstanceId = processInstanceId;
		this.requestedBy = requestedBy;
		this.requestedAmount = requestedAmount;
		this.maxGrantableAmount = maxGrantableAmount;
		this.amountUnderReview = requestedAmount.min(maxGrantableAmount);
		this.cashOrCollateralAmount = requestedAmount.subtract(amountUnderReview);
		this.approvalChain = approvalChain;
		this.authorityRule = authorityRule;
		this.validUntil = validUntil;
		this.outcome = ApprovalOutcome.PENDING;
		this.createdAt = Instant.now();
	}

	void recordExceptions(String codes, String summary) {
		this.exceptionCodes = codes;
		this.exceptionSummary = summary;
	}

	void recordKeyAccount(boolean keyAccount) {
		this.keyAccount = keyAccount;
	}

	public boolean isKeyAccount() {
		return keyAccount;
	}

	/**
	 * A senior decision (a policy exception or a key account) is decided by every level the authority matrix
	 * returned, not only up to the first whose authority covers the amount.
	 */
	boolean runsTheWholeChain() {
		return isPolicyException() || keyAccount;
	}

	void recordChain(List<ApprovalLevel> chain) {
		levels.clear();
		chain.forEach(level -> levels.add(new ChainLevel(level)));
	}

	/** The recorded chain, lowest level first (empty for decisions opened before chains were recorded). */
	List<ApprovalLevel> chain() {
		return levels.stream().map(ChainLevel::toLevel).toList();
	}

	/**
	 * The groups whose members decide the level at {@code index}: its own group, and the group it was escalated
	 * to after waiting too long.
	 */
	java.util.Set<String> decidingGroups(int index) {
		ChainLevel level = levels.get(index);
		return level.getEscalatedTo() == null ? java.util.Set.of(level.getApproverGroup())
				: java.util.Set.of(level.getApproverGroup(), level.getEscalatedTo());
	}

	void escalate(int index, String group) {
		levels.get(index).escalateTo(group);
	}

	/** Whether the chain was recorded when the decision opened (not for decisions opened before chains were). */
	boolean hasRecordedChain() {
		return !levels.isEmpty();
	}

	/**
	 * Whether the steps recorded so far end the chain: a rejection, the last level decided, or (unless the whole
	 * chain decides) a level whose authority covers the amount it approved. The approval's completion condition, read
	 * from the record. False for a decision opened before chains were recorded: its process keeps the answer itself.
	 */
	boolean chainEnded() {
		if (steps.isEmpty() || !hasRecordedChain()) {
			return false;
		}
		CreditDecisionStep last = steps.get(steps.size() - 1);
		if (last.getDecision() == StepDecision.REJECT || steps.size() >= levels.size()) {
			return true;
		}
		return !runsTheWholeChain() && levels.get(steps.size() - 1).toLevel().authorityLimit().compareTo(last.getAmount()) >= 0;
	}

	boolean hasApproved(String userId) {
		return steps.stream().anyMatch(step -> step.getApprover().equals(userId));
	}

	boolean isRejected() {
		return steps.stream().anyMatch(step -> step.getDecision() == StepDecision.REJECT);
	}

	void addStep(CreditDecisionStep step, BigDecimal newAmountUnderReview) {
		if (outcome != ApprovalOutcome.PENDING) {
			throw new IllegalStateException("credit decision " + id + " is already " + outcome);
		}
		steps.add(step);
		this.amountUnderReview = newAmountUnderReview;
	}

	void decide() {
		if (isRejected()) {
			outcome = ApprovalOutcome.REJECTED;
			approvedAmount = BigDecimal.ZERO.setScale(2);
			validUntil = null;
		}
		else {
			approvedAmount = amountUnderReview;
			// below what the authority allowed: an approver reduced it; at that ceiling but below the request: capped
			BigDecimal grantable = requestedAmount.min(maxGrantableAmount);
			outcome = approvedAmount.compareTo(grantable) < 0 ? ApprovalOutcome.REDUCED
					: approvedAmount.compareTo(requestedAmount) < 0 ? ApprovalOutcome.CAPPED : ApprovalOutcome.APPROVED;
		}
		cashOrCollateralAmount = requestedAmount.subtract(approvedAmount);
		decidedAt = Instant.now();
	}

	public Long getId() {
		return id;
	}

	public long getCustomerId() {
		return customerId;
	}

	public long getCreditFileId() {
		return creditFileId;
	}

	public String getProcessInstanceId() {
		return processInstanceId;
	}

	public String getRequestedBy() {
		return requestedBy;
	}

	public BigDecimal getRequestedAmount() {
		return requestedAmount;
	}

	public BigDecimal getMaxGrantableAmount() {
		return maxGrantableAmount;
	}

	public BigDecimal getAmountUnderReview() {
		return amountUnderReview;
	}

	public BigDecimal getApprovedAmount() {
		return approvedAmount;
	}

	public BigDecimal getCashOrCollateralAmount() {
		return cashOrCollateralAmount;
	}

	public ApprovalOutcome getOutcome() {
		return outcome;
	}

	public String getApprovalChain() {
		return approvalChain;
	}

	public String getAuthorityRule() {
		return authorityRule;
	}

	public LocalDate getValidUntil() {
		return validUntil;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getDecidedAt() {
		return decidedAt;
	}

	public List<CreditDecisionStep> getSteps() {
		return List.copyOf(steps);
	}

	public String getExceptionCodes() {
		return exceptionCodes;
	}

	public String getExceptionSummary() {
		return exceptionSummary;
	}

	public boolean isPolicyException() {
		return exceptionCodes != null;
	}

}
