package com.creditdesk.approval;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import com.creditdesk.system.TaskCommandGuard;

/** Registers the {@link FourEyesCommandGuard} inside every engine command. */
@Component
class FourEyesEnginePlugin extends AbstractProcessEnginePlugin {

	private final CreditDecisionService decisions;

	FourEyesEnginePlugin(@Lazy CreditDecisionService decisions) {
		this.decisions = decisions;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		TaskCommandGuard.register(configuration, new FourEyesCommandGuard(decisions));
	}

}
