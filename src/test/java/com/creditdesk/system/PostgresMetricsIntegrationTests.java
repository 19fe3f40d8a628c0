package com.creditdesk.system;

import org.springframework.test.context.TestPropertySource;

import com.creditdesk.support.OnPostgres;

@OnPostgres
@TestPropertySource(properties = "camunda.bpm.process-engine-name=metricsPostgres")
class PostgresMetricsIntegrationTests extends MetricsIntegrationTests {

}
