package com.creditdesk.policy;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import com.creditdesk.approval.FourEyesViolation;
import com.creditdesk.system.SystemActions;
import com.creditdesk.system.TaskCommandGuard;

/**
 * The service tasks of {@code policy-change}: the reviewer is the person who completed the review (never a
 * variable), the candidate is the one CreditDesk started the process for.
 */
@Configuration
class PolicyChangeDelegates {

	/** Task_DeployPolicy. */
	@Bean
	JavaDelegate deployPolicyDelegate(PolicyService policies, IdentityService identity) {
		return execution -> policies.deploy(candidateId(execution), reviewer(identity), comment(execution));
	}

	/** Task_RecordPolicyRejection. */
	@Bean
	JavaDelegate rejectPolicyDelegate(PolicyService policies, IdentityService identity) {
		return execution -> policies.reject(candidateId(execution), reviewer(identity), comment(execution));
	}

	private static long candidateId(DelegateExecution execution) {
		return ((Number) execution.getVariable(PolicyChangeProcess.CANDIDATE_ID)).longValue();
	}

	private static String reviewer(IdentityService identity) {
		return SystemActions.authenticatedUser(identity)
			.orElseThrow(() -> new IllegalStateException("a policy change is reviewed by a person, not by the system"));
	}

	private static String comment(DelegateExecution execution) {
		Object comment = execution.getVariable(PolicyChangeProcess.REVIEW_COMMENT);
		return comment == null ? null : comment.toString().strip();
	}

	/**
	 * Four eyes on the review, inside every engine command: the author of a candidate cannot claim, be assigned or
	 * complete its review (403 with the reason). The service checks again before it deploys.
	 */
	@Component
	static class PolicyChangeFourEyesPlugin extends AbstractProcessEnginePlugin {

		private final PolicyService policies;

		PolicyChangeFourEyesPlugin(@Lazy PolicyService policies) {
			this.policies = policies;
		}

		@Override
		public void preInit(ProcessEngineConfigurationImpl configuration) {
			TaskCommandGuard.register(configuration, new TaskCommandGuard() {

				@Override
				protected void check(TaskEntity task, String userId) {
					if (!PolicyChangeProcess.REVIEW_TASK.equals(task.getTaskDefinitionKey())) {
						return;
					}
					if (task.getVariable(PolicyChangeProcess.CANDIDATE_ID) instanceof Number id) {
						try {
							policies.checkMayReview(id.longValue(), userId);
						}
						catch (FourEyesViolation e) {
							throw new AuthorizationException(e.getMessage());
						}
					}
				}

			});
		}

	}

}
