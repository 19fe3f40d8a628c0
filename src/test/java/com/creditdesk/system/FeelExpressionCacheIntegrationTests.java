package com.creditdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;

import com.creditdesk.support.InvestigationFixture;
import com.creditdesk.support.ProcessTestBase;

/** The process engine's decisions (the scorecard, the review interval, the limit, the bank rule) parse FEEL once. */
class FeelExpressionCacheIntegrationTests extends ProcessTestBase {

	@Test
	void aSecondInvestigationParsesNoExpressionTheFirstOneParsed() {
		FeelEngine feel = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
			.getDmnEngineConfiguration()
			.getFeelEngine();
		assertThat(feel).isInstanceOf(FeelExpressionCache.ParsingOnce.class);
		FeelExpressionCache.ParsingOnce parsingOnce = (FeelExpressionCache.ParsingOnce) feel;

		startInvestigation("ana", InvestigationFixture.soundCustomer());
		int afterFirst = parsingOnce.parsedExpressions();
		assertThat(afterFirst).as("expressions the scorecard and the other decisions parsed").isPositive();
		startInvestigation("ana", InvestigationFixture.soundCustomer());
		assertThat(parsingOnce.parsedExpressions()).isEqualTo(afterFirst);
	}

}
