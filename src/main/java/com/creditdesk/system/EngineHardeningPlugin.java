package com.creditdesk.system;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Engine settings that are not plain properties: the task-query expression guard and the trust boundary
 * ({@link UserStepGuard}) run inside every command (after the command context exists, so stored filters, tasks and
 * deployed forms can be read); {@link RaceLoserGuard} runs around it, where a lost race surfaces.
 */
@Component
class EngineHardeningPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setCustomPostCommandInterceptorsTxRequired(
				append(configuration.getCustomPostCommandInterceptorsTxRequired(), new TaskQueryExpressionGuard()));
		configuration.setCustomPostCommandInterceptorsTxRequiresNew(
				append(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new TaskQueryExpressionGuard()));
		// one instance per chain: an interceptor holds its chain's next element
		configuration.setCustomPostCommandInterceptorsTxRequired(
				append(configuration.getCustomPostCommandInterceptorsTxRequired(), new UserStepGuard()));
		configuration.setCustomPostCommandInterceptorsTxRequiresNew(
				append(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new UserStepGuard()));
		configuration.setCustomPreCommandInterceptorsTxRequired(append(
				configuration.getCustomPreCommandInterceptorsTxRequired(), new RaceLoserGuard(configuration.getIdentityService())));
		configuration.setCustomPreCommandInterceptorsTxRequiresNew(append(
				configuration.getCustomPreCommandInterceptorsTxRequiresNew(), new RaceLoserGuard(configuration.getIdentityService())));
	}

	private static List<CommandInterceptor> append(List<CommandInterceptor> existing, CommandInterceptor guard) {
		List<CommandInterceptor> interceptors = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
		interceptors.add(guard);
		return interceptors;
	}

}
