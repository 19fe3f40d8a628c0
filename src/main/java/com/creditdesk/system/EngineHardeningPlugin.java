package com.creditdesk.system;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Engine settings that are not plain properties: the task-query expression guard and the trust boundary
 * ({@link UserStepGuard}) run inside every command (after the command context exists, so stored filters, tasks and
 * deployed forms can be read); {@link RaceLoserGuard} runs around it, where a lost race surfaces. Every user task
 * is given the transient values its form asks for ({@link TransientFields}).
 */
@Component
class EngineHardeningPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		FormContracts contracts = new FormContracts();
		configuration.setCustomPostCommandInterceptorsTxRequired(
				append(configuration.getCustomPostCommandInterceptorsTxRequired(), new TaskQueryExpressionGuard()));
		configuration.setCustomPostCommandInterceptorsTxRequiresNew(
				append(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new TaskQueryExpressionGuard()));
		// one instance per chain: an interceptor holds its chain's next element
		configuration.setCustomPostCommandInterceptorsTxRequired(
				append(configuration.getCustomPostCommandInterceptorsTxRequired(), new UserStepGuard(contracts)));
		configuration.setCustomPostCommandInterceptorsTxRequiresNew(
				append(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new UserStepGuard(contracts)));
		configuration.setCustomPreCommandInterceptorsTxRequired(append(
				configuration.getCustomPreCommandInterceptorsTxRequired(), new RaceLoserGuard(configuration.getIdentityService())));
		configuration.setCustomPreCommandInterceptorsTxRequiresNew(append(
				configuration.getCustomPreCommandInterceptorsTxRequiresNew(), new RaceLoserGuard(configuration.getIdentityService())));
		EveryUserTask.listen(configuration, TaskListener.EVENTNAME_CREATE, new TransientFields(contracts)::prefill, false);
	}

	private static List<CommandInterceptor> append(List<CommandInterceptor> existing, CommandInterceptor guard) {
		List<CommandInterceptor> interceptors = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
		interceptors.add(guard);
		return interceptors;
	}

}
