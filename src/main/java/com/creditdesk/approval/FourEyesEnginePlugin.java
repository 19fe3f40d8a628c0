package com.creditdesk.approval;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Registers the {@link FourEyesCommandGuard} inside every engine command. */
@Component
class FourEyesEnginePlugin extends AbstractProcessEnginePlugin {

	private final CreditDecisionService decisions;

	FourEyesEnginePlugin(@Lazy CreditDecisionService decisions) {
		this.decisions = decisions;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
				? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
		interceptors.add(new FourEyesCommandGuard(decisions));
		configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
	}

}
