package com.creditdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The one four-eyes mechanism finds every rule by its task, and refuses two rules for one task. */
class FourEyesGuardTests {

	private static FourEyesRule rule(String task) {
		return new FourEyesRule() {

			@Override
			public String taskDefinitionKey() {
				return task;
			}

			@Override
			public void check(VariableScope scope, String userId) {
				throw new FourEyesViolation(userId + " may not decide " + task);
			}

		};
	}

	@Test
	void findsEachDecisionStepsRule() {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("approval", rule("UserTask_ApproveCreditGrant"));
		beans.addBean("writeOff", rule("UserTask_ApproveWriteOff"));
		FourEyesGuard guard = new FourEyesGuard(beans.getBeanProvider(FourEyesRule.class));
		assertThat(guard.rules()).containsOnlyKeys("UserTask_ApproveCreditGrant", "UserTask_ApproveWriteOff");
	}

	@Test
	void twoRulesForOneTaskAreRefused() {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("one", rule("UserTask_ApproveWriteOff"));
		beans.addBean("two", rule("UserTask_ApproveWriteOff"));
		FourEyesGuard guard = new FourEyesGuard(beans.getBeanProvider(FourEyesRule.class));
		assertThatThrownBy(guard::rules).hasMessageContaining("Two four-eyes rules guard UserTask_ApproveWriteOff");
	}

}
