package com.creditdesk.system;

import org.springframework.test.context.TestPropertySource;

import com.creditdesk.support.OnH2;

@OnH2
@TestPropertySource(properties = "camunda.bpm.process-engine-name=metricsH2")
class H2MetricsIntegrationTests extends MetricsIntegrationTests {

}
