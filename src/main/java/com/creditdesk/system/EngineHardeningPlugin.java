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
 * deployed forms can be read).
 */
@Component
class EngineHardeningPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setCustomPostCommandInterceptorsTxRequired(
				append(configuration.getCustomPostCommandInterceptorsTxRequired(), new TaskQueryExpressionGuard()));
		configuration.setCustomPostCommandInterceptorsTxRequiresNew(
				append(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new TaskQueryExpressionGuard()));
		UserStepGuard steps = new UserStepGuard();
		configuration.setCustomPostCommandInterceptorsTxRequired(
				append(configuration.getCustomPostCommandInterceptorsTxRequired(), steps));
		configuration.setCustomPostCommandInterceptorsTxRequiresNew(
				append(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), steps));
	}

	private static List<CommandInterceptor> append(List<CommandInterceptor> existing, CommandInterceptor guard) {
		List<CommandInterceptor> interceptors = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
		interceptors.add(guard);
		return interceptors;
	}

}
