package com.creditdesk.system;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.util.CamundaSpringBootUtil;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import jakarta.servlet.Filter;

/**
 * The process engine configuration. Identical to the starter's, except that {@code queryMaxResultsLimit} applies
 * to the public REST API ({@code /engine-rest}) only: Camunda's own webapps (Tasklist, Cockpit, Admin) issue
 * unpaged queries, e.g. the list of Tasklist filters, and would stop working under the limit.
 */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

	@Bean
	ProcessEngineConfigurationImpl processEngineConfigurationImpl(List<ProcessEnginePlugin> plugins) {
		SpringProcessEngineConfiguration configuration = CamundaSpringBootUtil
			.initCustomFields(new RestLimitedProcessEngineConfiguration());
		configuration.getProcessEnginePlugins().add(new CompositeProcessEnginePlugin(plugins));
		return configuration;
	}

	@Bean
	FilterRegistrationBean<Filter> engineRestQueryLimitScope() {
		Filter scope = (request, response, chain) -> {
			RestLimitedProcessEngineConfiguration.REST_REQUEST.set(Boolean.TRUE);
			try {
				chain.doFilter(request, response);
			}
			finally {
				RestLimitedProcessEngineConfiguration.REST_REQUEST.remove();
			}
		};
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(scope);
		registration.setName("engine-rest-query-limit");
		registration.addUrlPatterns("/engine-rest/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
		return registration;
	}

	static class RestLimitedProcessEngineConfiguration extends SpringProcessEngineConfiguration {

		static final ThreadLocal<Boolean> REST_REQUEST = new ThreadLocal<>();

		@Override
		public int getQueryMaxResultsLimit() {
			return REST_REQUEST.get() != null ? super.getQueryMaxResultsLimit() : Integer.MAX_VALUE;
		}

	}

}
