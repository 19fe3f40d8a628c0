package com.creditdesk.approval;

import com.creditdesk.system.FourEyesViolation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.creditdesk.identity.ApprovalTiers;
import com.creditdesk.system.InvalidRequestException;
import com.creditdesk.system.Messages;
import com.creditdesk.system.Money;
import com.creditdesk.system.StepValue;
import com.creditdesk.system.SystemActions;
import com.creditdesk.system.UserInput;

/**
 * The approval task's rules, enforced by the engine whatever the client (Tasklist or {@code engine-rest}):
 * <ul>
 * <li>create: the task shows its level and that level's authority;</li>
 * <li>assignment: the requester, or someone who already decided in this chain, cannot claim it;</li>
 * <li>complete: the same check; the completing user is kept for {@link RecordApprovalStepDelegate}.</li>
 * </ul>
 */
@Component
class ApprovalTaskListener implements TaskListener {

	/**
	 * The user who completed the current approval task: a value for the rest of the completing transaction, which
	 * {@link RecordApprovalStepDelegate} reads (the decision step records the approver; history needs no copy).
	 */
	static final String DECIDED_BY = "decidedBy";

	private final CreditDecisionService decisions;

	private final ApprovalTiers tiers;

	ApprovalTaskListener(CreditDecisionService decisions, ApprovalTiers tiers) {
		this.decisions = decisions;
		this.tiers = tiers;
	}

	@Override
	public void notify(DelegateTask task) {
		switch (task.getEventName()) {
			case EVENTNAME_CREATE -> showLevel(task);
			case EVENTNAME_ASSIGNMENT -> {
				if (task.getAssignee() != null) {
					checkFourEyes(task, task.getAssignee());
				}
			}
			case EVENTNAME_COMPLETE -> rememberApprover(task);
			default -> {
			}
		}
	}

	private void showLevel(DelegateTask task) {
		List<ApprovalLevel> chain = recordedChain(decisions, task.getExecution());
		ApprovalLevel level = chain.get(loopCounter(task.getExecution()));
		boolean exception = CreditGrantApprovalProcess.shown(task, CreditGrantApprovalProcess.POLICY_EXCEPTION_TEXT) != null;
		task.setName((exception ? "⚠例外 Exception · " : "") + "授信审批 Approve credit grant: " + task.getVariable(CreditGrantApprovalProcess.CUSTOMER_NAME) + ", "
				+ Money.format(CreditGrantApprovalProcess.AMOUNT_UNDER_REVIEW.get(task)) + ", 等级 grade "
				+ task.getVariable(CreditGrantApprovalProcess.CREDIT_GRADE));
		// what the approver's form shows of the level (the level itself is on the decision record)
		task.setVariableLocal(CreditGrantApprovalProcess.APPROVAL_LEVEL_NAME, tiers.name(level.approverGroup()));
		task.setVariableLocal(CreditGrantApprovalProcess.AUTHORITY_LIMIT_TEXT, Money.format(level.authorityLimit()));
		task.setVariableLocal(CreditGrantApprovalProcess.APPROVAL_NOTE, note(task.getExecution(), chain, level));
	}

	private void checkFourEyes(DelegateTask task, String userId) {
		try {
			decisions.checkMayDecide(CreditGrantApprovalProcess.creditDecisionId(task.getExecution()), userId);
		}
		catch (FourEyesViolation e) {
			throw new AuthorizationException(e.getMessage());
		}
	}

	/** Tells the approver whether their approval decides, or passes the application on to the next level. */
	private String note(DelegateExecution execution, List<ApprovalLevel> chain, ApprovalLevel level) {
		java.math.BigDecimal amount = CreditGrantApprovalProcess.AMOUNT_UNDER_REVIEW.get(execution);
		int at = loopCounter(execution);
		if (CreditGrantApprovalProcess.shown(execution, CreditGrantApprovalProcess.POLICY_EXCEPTION_TEXT) != null && at + 1 < chain.size()) {
			return "政策例外：您同意后转交 " + tiers.name(chain.get(at + 1).approverGroup()) + " 审批；拒绝则结束。 A policy exception: "
					+ "approving passes it on to the " + tiers.name(chain.get(at + 1).approverGroup()) + ", who decides it. Rejecting ends it.";
		}
		if (level.authorityLimit().compareTo(amount) >= 0) {
			return "Within your authority of " + Money.format(level.authorityLimit())
					+ ": your approval decides the application.";
		}
		int index = loopCounter(execution);
		String next = index + 1 < chain.size() ? tiers.name(chain.get(index + 1).approverGroup()) : "nobody (top level)";
		return Money.format(amount) + " is above your authority of " + Money.format(level.authorityLimit())
				+ ": approving passes the application on to the " + next + ". To decide it yourself, approve a lower"
				+ " amount of at most " + Money.format(level.authorityLimit()) + ". Rejecting ends it.";
	}

	/** Remembers who completed the task, for the step that records the decision. */
	private void rememberApprover(DelegateTask task) {
		String approver = approver(task);
		checkFourEyes(task, approver);
		StepValue.set(task.getExecution().getProcessInstance(), DECIDED_BY, approver);
	}

	/** The person completing: the authenticated user (Tasklist, engine-rest), else the assignee. */
	private static String approver(DelegateTask task) {
		String approver = SystemActions.authenticatedUser(task.getProcessEngineServices().getIdentityService())
			.orElse(task.getAssignee());
		if (approver == null) {
			throw new AuthorizationException(Messages.text("approval.claimFirst"));
		}
		return approver;
	}

	/** The chain recorded with the credit decision (not the process variable a client could have written). */
	static List<ApprovalLevel> recordedChain(CreditDecisionService decisions, DelegateExecution execution) {
		return decisions.chain(CreditGrantApprovalProcess.creditDecisionId(execution),
				() -> CreditGrantApprovalProcess.chain(execution));
	}

	static int loopCounter(DelegateExecution execution) {
		return ((Number) execution.getVariable(CreditGrantApprovalProcess.LOOP_COUNTER)).intValue();
	}

}
