package com.creditdesk.system;

import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Camunda lets any logged-in webapp user call the Cockpit and Admin plugin APIs (the engine's authorizations then
 * filter the data). CreditDesk keeps those APIs to the people who may open the applications: a session whose user
 * lacks the {@code cockpit} (or {@code admin}) application grant gets 403.
 */
@Configuration(proxyBeanMethods = false)
class WebappAccessGuard {

	@Bean
	FilterRegistrationBean<Filter> cockpitApiGuard(ObjectMapper objectMapper) {
		return guard("cockpit-api-guard", "cockpit", objectMapper, "/camunda/api/cockpit/*");
	}

	@Bean
	FilterRegistrationBean<Filter> adminApiGuard(ObjectMapper objectMapper) {
		return guard("admin-api-guard", "admin", objectMapper, "/camunda/api/admin/plugin/*");
	}

	private static FilterRegistrationBean<Filter> guard(String name, String app, ObjectMapper objectMapper,
			String pattern) {
		Filter guard = (request, response, chain) -> {
			if (!isStaticAsset((HttpServletRequest) request) && !mayUse((HttpServletRequest) request, app)) {
				java.util.Locale language = Messages.locale((HttpServletRequest) request);
				RestSecurityConfiguration.problem((HttpServletResponse) response, objectMapper, HttpStatus.FORBIDDEN,
						Messages.text(language, "api.titleNotAllowed"), Messages.text(language, "security.appApiOnly", app),
						false);
				return;
			}
			chain.doFilter(request, response);
		};
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(guard);
		registration.setName(name);
		registration.addUrlPatterns(pattern);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
		return registration;
	}

	/** The plugins' scripts and styles: the login page itself needs them, and they hold no data. */
	static boolean isStaticAsset(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.matches("/camunda/api/(cockpit|admin)/plugin/[^/]+/static/.*")
				&& "GET".equals(request.getMethod());
	}

	static boolean mayUse(HttpServletRequest request, String app) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return false;
		}
		Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
		return authentications != null && authentications.getAuthentications()
			.stream()
			.filter(UserAuthentication.class::isInstance)
			.map(UserAuthentication.class::cast)
			.anyMatch(user -> user.isAuthorizedForApp(app));
	}

}
