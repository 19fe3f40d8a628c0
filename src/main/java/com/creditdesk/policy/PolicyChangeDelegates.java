package com.creditdesk.policy;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import com.creditdesk.system.FourEyesRule;
import com.creditdesk.system.Messages;
import com.creditdesk.system.SystemActions;
import com.creditdesk.system.UserInput;

/**
 * The service tasks of {@code policy-change}: the reviewer is the person who completed the review (never a
 * variable), the candidate is the one CreditDesk started the process for.
 */
@Configuration
class PolicyChangeDelegates {

	/** Task_DeployPolicy: refused with the reason (400, the review stays open) when it cannot go live. */
	@Bean
	JavaDelegate deployPolicyDelegate(PolicyService policies, IdentityService identity) {
		return execution -> {
			String comment = comment(execution);
			UserInput.check(() -> policies.deploy(candidateId(execution), reviewer(identity), comment));
		};
	}

	/** Task_RecordPolicyRejection. */
	@Bean
	JavaDelegate rejectPolicyDelegate(PolicyService policies, IdentityService identity) {
		return execution -> {
			if (!"REJECT".equals(execution.getVariable(PolicyChangeProcess.DECISION))) {
				String message = Messages.text("policy.decisionRequired");
				throw UserInput.rejection(message, Map.of(PolicyChangeProcess.DECISION, message));
			}
			String comment = comment(execution);
			UserInput.check(() -> policies.reject(candidateId(execution), reviewer(identity), comment));
		};
	}

	/** The process's end listener: a review deleted without a decision makes the candidate a draft again. */
	@Bean
	org.camunda.bpm.engine.delegate.ExecutionListener policyChangeEndedListener(PolicyService policies) {
		return execution -> {
			if (execution.getVariable(PolicyChangeProcess.CANDIDATE_ID) instanceof Number id) {
				policies.reviewEnded(id.longValue());
			}
		};
	}

	private static long candidateId(DelegateExecution execution) {
		return ((Number) execution.getVariable(PolicyChangeProcess.CANDIDATE_ID)).longValue();
	}

	private static String reviewer(IdentityService identity) {
		return SystemActions.authenticatedUser(identity)
			.orElseThrow(() -> new IllegalStateException("a policy change is reviewed by a person, not by the system"));
	}

	/** The reviewer's reason: required, at most 1,500 characters (the form says so; engine-rest is checked here). */
	private static String comment(DelegateExecution execution) {
		Object value = execution.getVariable(PolicyChangeProcess.REVIEW_COMMENT);
		String comment = value == null ? "" : value.toString().strip();
		if (comment.isEmpty() || comment.length() > 1500) {
			String message = comment.isEmpty() ? Messages.text("policy.reviewCommentRequired")
					: Messages.text("policy.reviewCommentTooLong");
			throw UserInput.rejection(message, Map.of(PolicyChangeProcess.REVIEW_COMMENT, message));
		}
		return comment;
	}

	/**
	 * Four eyes on the review: the author of a candidate cannot claim, be assigned or complete its review (403 with
	 * the reason). The service checks again before it deploys.
	 */
	@Component
	static class PolicyReviewFourEyes implements FourEyesRule {

		private final PolicyService policies;

		PolicyReviewFourEyes(PolicyService policies) {
			this.policies = policies;
		}

		@Override
		public String taskDefinitionKey() {
			return PolicyChangeProcess.REVIEW_TASK;
		}

		@Override
		public void check(VariableScope task, String userId) {
			if (task.getVariable(PolicyChangeProcess.CANDIDATE_ID) instanceof Number id) {
				policies.checkMayReview(id.longValue(), userId);
			}
		}

	}

}
