package com.creditdesk.system;

import java.io.IOException;
import java.util.Locale;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Compensating control for Camunda 7.24 CE: the Admin webapp's "create initial user" endpoint is refused for
 * everybody once a member of {@code camunda-admin} exists (CreditDesk always creates one at startup), so no
 * request can ever mint a second administrator through it.
 */
@Configuration(proxyBeanMethods = false)
class AdminSetupGuardFilter {

	static final String SETUP_PATH = "/camunda/api/admin/setup/*";

	@Bean
	FilterRegistrationBean<Filter> adminSetupGuard(IdentityService identityService, ObjectMapper objectMapper) {
		Filter guard = (ServletRequest request, ServletResponse response, FilterChain chain) -> {
			boolean adminExists = identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0;
			if (adminExists) {
				Locale language = Messages.locale((HttpServletRequest) request);
				RestSecurityConfiguration.problem((HttpServletResponse) response, objectMapper, HttpStatus.FORBIDDEN,
						Messages.text(language, "security.setupClosedTitle"),
						Messages.text(language, "security.setupClosed"), false);
				return;
			}
			chain.doFilter(request, response);
		};
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(guard);
		registration.setName("admin-setup-guard");
		registration.addUrlPatterns(SETUP_PATH);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
