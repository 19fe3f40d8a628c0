package com.creditdesk.approval;

import com.creditdesk.system.FourEyesViolation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.creditdesk.identity.ApprovalTiers;
import com.creditdesk.system.InvalidRequestException;
import com.creditdesk.system.Messages;
import com.creditdesk.system.Money;

/**
 * The tiered approval's rules: the authority matrix routes, each level decides in turn, nobody approves their own
 * request or twice in one chain, and nobody grants above the top authority.
 */
@Service
public class CreditDecisionService {

	/** The list variable of approver groups processes kept before the chain was recorded with the decision. */
	static final String LEGACY_APPROVER_GROUPS = "approverGroups";

	static final BigDecimal MINIMUM_AMOUNT = new BigDecimal("1000");

	private final CreditDecisionRepository decisions;

	private final ApprovalTiers tiers;

	CreditDecisionService(CreditDecisionRepository decisions, ApprovalTiers tiers) {
		this.decisions = decisions;
		this.tiers = tiers;
	}

	@Transactional
	CreditDecision open(long customerId, long creditFileId, String processInstanceId, String requester,
			BigDecimal requested, List<ApprovalLevel> chain, String authorityRule, LocalDate validUntil,
			String exceptionCodes, String exceptionSummary, boolean keyAccount) {
		if (chain.isEmpty()) {
			throw new IllegalStateException("the authority matrix returned no approver for " + requested);
		}
		BigDecimal topAuthority = chain.get(chain.size() - 1).authorityLimit();
		String chainText = chain.stream().map(ApprovalLevel::approverGroup).collect(Collectors.joining(" > "));
		CreditDecision decision = new CreditDecision(customerId, creditFileId, processInstanceId, requester,
				Money.of(requested), topAuthority, chainText, authorityRule, validUntil);
		decision.recordChain(chain);
		decision.recordExceptions(exceptionCodes, exceptionSummary);
		decision.recordKeyAccount(keyAccount);
		return decisions.saveAndFlush(decision);
	}

	/**
	 * The approval chain recorded when the decision opened. Decisions opened before chains were recorded fall back
	 * to {@code legacy} (the chain their process computed then).
	 */
	@Transactional(readOnly = true)
	List<ApprovalLevel> chain(long decisionId, java.util.function.Supplier<List<ApprovalLevel>> legacy) {
		List<ApprovalLevel> chain = get(decisionId).chain();
		return chain.isEmpty() ? legacy.get() : chain;
	}

	/**
	 * The groups of the chain's levels, in order, as recorded when the decision opened: the approval's levels
	 * ({@code credit-grant-approval}'s multi-instance collection, read from the record and not from a variable a
	 * client could have written). Kept for instances of the process version that called it with one argument.
	 *
	 * @throws IllegalStateException when no chain is recorded
	 */
	@Transactional(readOnly = true)
	public List<String> approverGroups(long decisionId) {
		return approverGroups(decisionId, null);
	}

	/**
	 * As {@link #approverGroups(long)}; a decision opened before chains were recorded (an instance migrated from an
	 * earlier version of the process) falls back to the {@code approverGroups} list {@code process} holds.
	 *
	 * @throws IllegalStateException when neither is there: the approval cannot know whom to ask
	 */
	@Transactional(readOnly = true)
	public List<String> approverGroups(long decisionId, VariableScope process) {
		List<String> groups = get(decisionId).chain().stream().map(ApprovalLevel::approverGroup).toList();
		if (groups.isEmpty() && process != null && process.getVariable(LEGACY_APPROVER_GROUPS) instanceof List<?> legacy
				&& !legacy.isEmpty()) {
			groups = legacy.stream().map(String::valueOf).toList();
		}
		if (groups.isEmpty()) {
			throw new IllegalStateException("credit decision " + decisionId + " has no recorded approval chain");
		}
		return groups;
	}

	/**
	 * Whether the approval's chain has ended on the recorded steps ({@code credit-grant-approval}'s completion
	 * condition: read from the record, not from a variable a client could have written).
	 */
	@Transactional(readOnly = true)
	public boolean chainEnded(long decisionId) {
		return get(decisionId).chainEnded();
	}

	/**
	 * @throws FourEyesViolation when the user belongs to none of the groups that decide the level at {@code index}
	 *         (its own group, or the group it was escalated to): watching approvals is not deciding them
	 */
	@Transactional(readOnly = true)
	void checkDecidingGroup(long decisionId, int index, String userId, java.util.Collection<String> userGroups) {
		CreditDecision decision = get(decisionId);
		if (decision.chain().isEmpty()) {
			return; // opened before chains were recorded: the task's candidate groups decide
		}
		java.util.Set<String> deciding = decision.decidingGroups(index);
		if (userGroups.stream().noneMatch(deciding::contains)) {
			throw new FourEyesViolation(Messages.text("approval.notDecidingGroup", userId, String.valueOf(index + 1),
					deciding.stream()
						.sorted()
						.map(tiers::name)
						.reduce((first, next) -> Messages.text("system.listOr", first, next))
						.orElse("")));
		}
	}

	/** The level at {@code index} waited too long and went to {@code group}, whose members may now decide it. */
	@Transactional
	void recordEscalation(long decisionId, int index, String group) {
		CreditDecision decision = get(decisionId);
		if (!decision.chain().isEmpty()) {
			decision.escalate(index, group);
		}
	}

	/** @throws FourEyesViolation when the user requested the credit or already decided in this chain */
	@Transactional(readOnly = true)
	void checkMayDecide(long decisionId, String userId) {
		CreditDecision decision = get(decisionId);
		if (userId.equals(decision.getRequestedBy())) {
			throw new FourEyesViolation(Messages.text("approval.ownRequest", userId));
		}
		if (decision.hasApproved(userId)) {
			throw new FourEyesViolation(Messages.text("approval.decidedBefore", userId));
		}
	}

	/**
	 * Records one approver's decision. Approving keeps the amount; reducing sets a lower one (and the chain ends
	 * at this level if its authority now covers it); rejecting ends the chain.
	 * @throws InvalidRequestException when the decision is incomplete (no reason for a rejection, a bad amount)
	 */
	@Transactional
	StepResult decide(long decisionId, ApprovalLevel level, boolean lastLevel, String approver, StepDecision choice,
			BigDecimal reducedAmount, String comment) {
		checkMayDecide(decisionId, approver);
		CreditDecision decision = get(decisionId);
		BigDecimal current = decision.getAmountUnderReview();
		Map<String, String> problems = new LinkedHashMap<>();
		if (choice == null) {
			problems.put(CreditGrantApprovalProcess.APPROVAL_DECISION, Messages.text("approval.chooseDecision"));
		}
		else if (choice == StepDecision.REJECT && isBlank(comment)) {
			problems.put(CreditGrantApprovalProcess.APPROVAL_COMMENT, Messages.text("approval.rejectionReasonMissing"));
		}
		else if (choice == StepDecision.REDUCE) {
			if (reducedAmount == null || reducedAmount.compareTo(MINIMUM_AMOUNT) < 0
					|| reducedAmount.compareTo(current) >= 0) {
				problems.put(CreditGrantApprovalProcess.APPROVED_AMOUNT_INPUT, Messages.text(
						"approval.reducedAmountOutOfRange", Money.format(MINIMUM_AMOUNT), Money.format(current)));
			}
			if (isBlank(comment)) {
				problems.put(CreditGrantApprovalProcess.APPROVAL_COMMENT, Messages.text("approval.reductionReasonMissing"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(String.join(" ", problems.values()), problems);
		}
		BigDecimal amount = choice == StepDecision.REDUCE ? Money.of(reducedAmount) : current;
		decision.addStep(new CreditDecisionStep(level.level(), level.approverGroup(), approver, choice, amount,
				isBlank(comment) ? null : comment.trim()), amount);
		// a policy exception or a key account is decided by the level the authority matrix added above the amount's
		// own: its chain runs to the end (or to a rejection)
		boolean ended = !decision.hasRecordedChain() ? choice == StepDecision.REJECT || lastLevel
				|| (!decision.runsTheWholeChain() && level.authorityLimit().compareTo(amount) >= 0)
				: decision.chainEnded();
		return new StepResult(ended, amount, earlierApprovals(decision));
	}

	/**
	 * A re-evaluation that keeps the current limit needs no approval chain: a customer manager (never the rep who
	 * proposed it) confirms it, and that confirmation is the decision.
	 */
	@Transactional
	public CreditDecision recordConfirmation(long customerId, long creditFileId, String processInstanceId,
			String requester, BigDecimal currentLimit, String confirmer, String comment, LocalDate validUntil) {
		if (confirmer == null || confirmer.equals(requester)) {
			throw new FourEyesViolation(Messages.text("approval.ownProposal", String.valueOf(confirmer)));
		}
		BigDecimal amount = Money.of(currentLimit);
		CreditDecision decision = new CreditDecision(customerId, creditFileId, processInstanceId, requester, amount,
				amount, "customerManagers (confirmation)",
				"Re-evaluation confirming the current limit: confirmed by a customer manager", validUntil);
		decision.addStep(new CreditDecisionStep(1, "customerManagers", confirmer, StepDecision.APPROVE, amount,
				comment == null || comment.isBlank() ? null : comment.trim()), amount);
		decision.decide();
		return decisions.saveAndFlush(decision);
	}

	@Transactional
	CreditDecision finish(long decisionId) {
		CreditDecision decision = get(decisionId);
		decision.decide();
		return decision;
	}

	@Transactional(readOnly = true)
	public CreditDecision get(long decisionId) {
		return decisions.findById(decisionId)
			.orElseThrow(() -> new InvalidRequestException(Messages.text("approval.decisionNotFound",
					String.valueOf(decisionId))));
	}

	/**
	 * The approver who granted the limit under this decision: the last one who approved it (the one whose
	 * authority covered the amount), or empty if the decision was not approved by anyone.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<String> grantingApprover(long decisionId) {
		return decisions.findById(decisionId)
			.flatMap(decision -> decision.getSteps()
				.stream()
				.filter(step -> step.getDecision() != StepDecision.REJECT)
				.reduce((first, second) -> second)
				.map(CreditDecisionStep::getApprover));
	}

	@Transactional(readOnly = true)
	public List<CreditDecision> decisionsOf(long customerId) {
		return decisions.findByCustomerIdOrderByCreatedAtDesc(customerId);
	}

	/** The earlier approvers' decisions, one line each, for the next approver to read. */
	String earlierApprovals(CreditDecision decision) {
		return decision.getSteps()
			.stream()
			.map(step -> "Level " + step.getLevel() + ", " + tiers.name(step.getApproverGroup()) + ", "
					+ step.getApprover() + ": " + switch (step.getDecision()) {
						case APPROVE -> "approved ";
						case REDUCE -> "approved a lower amount of ";
						case REJECT -> "rejected ";
					} + Money.format(step.getAmount()) + (step.getComment() == null ? "" : " — " + step.getComment()))
			.collect(Collectors.joining("\n"));
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

	record StepResult(boolean chainEnded, BigDecimal amountUnderReview, String earlierApprovals) {
	}

}
