package com.creditdesk.system;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authentication for the two HTTP APIs. Both check HTTP basic credentials against Camunda's identity service, so
 * a person has one login everywhere:
 * <ul>
 * <li>{@code /engine-rest/*}: Camunda's own {@link ProcessEngineAuthenticationFilter}; the engine's authorizations
 * then decide (403 for a missing permission).</li>
 * <li>{@code /api/**}: Spring Security; authorities are the user's Camunda groups, and the Camunda authentication
 * is set for the request so engine calls made on the user's behalf are authorized as that user.</li>
 * </ul>
 * The Camunda webapps (Tasklist, Cockpit, Admin) keep their own session login and CSRF protection; their session
 * also lets the same person read (GET) CreditDesk's pages and API in that browser, and write to the API from
 * CreditDesk's pages with the session's CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class RestSecurityConfiguration {

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter());
		registration.setName("engine-rest-authentication");
		registration.addUrlPatterns("/engine-rest/*");
		registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService, ObjectMapper objectMapper)
			throws Exception {
		return http
			.securityMatcher("/api/**", "/customers/**", "/requests", "/reports/**", "/policy", "/policy/**",
					"/swagger-ui.html", "/swagger-ui/**", "/actuator/prometheus")
			.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/prometheus")
				// the metrics (figures of the whole portfolio) are for operations, not for every user
				.hasAnyAuthority(Operations.GROUP, org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN)
				.anyRequest()
				.authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
				if (browserPage(request)) {
					// a browser without the webapps' login: to Tasklist's login form, never the browser's password box
					response.sendRedirect(request.getContextPath() + "/camunda/app/tasklist/default/");
				}
				else {
					Locale language = Messages.locale(request);
					problem(response, objectMapper, HttpStatus.UNAUTHORIZED,
							Messages.text(language, "security.authenticationRequiredTitle"),
							Messages.text(language, "security.authenticationRequired"), true);
				}
			}))
			.exceptionHandling(errors -> errors
				.accessDeniedHandler((request, response, e) -> problem(response, objectMapper, HttpStatus.FORBIDDEN,
						Messages.text(Messages.locale(request), "api.titleNotAllowed"),
						Messages.text(Messages.locale(request), "security.roleNotAllowed"), false)))
			// the webapps' session is only read here, never logged in to: changing its id on every request (session
			// fixation protection) would leave a page's parallel requests with a dead session and a Basic challenge
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
				.sessionFixation(fixation -> fixation.none()))
			// stateless HTTP basic without cookies: there is no session a cross-site request could ride on
			.csrf(csrf -> csrf.disable())
			.addFilterBefore(new WebappSessionAuthenticationFilter(), BasicAuthenticationFilter.class)
			.addFilterAfter(new CamundaAuthenticationFilter(identityService), AuthorizationFilter.class)
			.build();
	}

	/** A browser asking for one of CreditDesk's pages (not the API, which answers API clients with JSON). */
	static boolean browserPage(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return "GET".equals(request.getMethod()) && accept != null && accept.contains("text/html")
				&& !path.startsWith("/api/");
	}

	@Bean
	AuthenticationProvider camundaIdentityAuthenticationProvider(IdentityService identityService) {
		return new CamundaIdentityAuthenticationProvider(identityService);
	}

	static void problem(HttpServletResponse response, ObjectMapper objectMapper, HttpStatus status, String title,
			String detail, boolean challenge) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		response.setStatus(status.value());
		if (challenge) {
			response.setHeader("WWW-Authenticate", "Basic realm=\"CreditDesk\"");
		}
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		objectMapper.writeValue(response.getOutputStream(), problem);
	}

	/**
	 * Checks a user id and password with Camunda's identity service and grants the user's groups. A successful
	 * check is remembered for {@link #REMEMBER} (keyed by user and a SHA-256 of the password, never the password
	 * itself), so an API client sending basic credentials with every call costs one check a minute; a changed
	 * password or membership takes effect within that minute.
	 */
	static final class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

		static final java.time.Duration REMEMBER = java.time.Duration.ofSeconds(60);

		private static final int MAX_REMEMBERED = 10_000;

		private final IdentityService identityService;

		private final java.util.concurrent.ConcurrentHashMap<String, Remembered> remembered = new java.util.concurrent.ConcurrentHashMap<>();

		private record Remembered(long until, List<SimpleGrantedAuthority> authorities) {
		}

		CamundaIdentityAuthenticationProvider(IdentityService identityService) {
			this.identityService = identityService;
		}

		@Override
		public Authentication authenticate(Authentication authentication) throws AuthenticationException {
			String userId = authentication.getName();
			Object credentials = authentication.getCredentials();
			if (userId == null || credentials == null) {
				throw new BadCredentialsException("Wrong user id or password");
			}
			String key = userId + ':' + sha256(credentials.toString());
			long now = System.nanoTime();
			Remembered known = remembered.get(key);
			if (known != null && known.until() - now > 0) {
				return UsernamePasswordAuthenticationToken.authenticated(userId, null, known.authorities());
			}
			if (!identityService.checkPassword(userId, credentials.toString())) {
				remembered.remove(key);
				throw new BadCredentialsException("Wrong user id or password");
			}
			List<SimpleGrantedAuthority> authorities = identityService.createGroupQuery()
				.groupMember(userId)
				.list()
				.stream()
				.map(Group::getId)
				.map(SimpleGrantedAuthority::new)
				.toList();
			if (remembered.size() >= MAX_REMEMBERED) {
				remembered.clear();
			}
			remembered.put(key, new Remembered(now + REMEMBER.toNanos(), authorities));
			return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
		}

		private static String sha256(String text) {
			try {
				byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
					.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
				return java.util.HexFormat.of().formatHex(digest);
			}
			catch (java.security.NoSuchAlgorithmException e) {
				throw new IllegalStateException(e);
			}
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
		}

	}

	/**
	 * A person logged in to Tasklist, Cockpit or Admin may read CreditDesk's pages and API in the same browser
	 * (links from task forms: the dunning letter, the customer's page) without a second login: GET and HEAD
	 * requests without an Authorization header are authenticated from the webapps' session. A request that changes
	 * data is authenticated from the session only with the session's CSRF token in {@code X-XSRF-TOKEN} (the pages
	 * get it with the page, as Tasklist does); otherwise it needs HTTP basic, so the session cookie alone cannot be
	 * used for a cross-site write.
	 */
	static final class WebappSessionAuthenticationFilter extends org.springframework.web.filter.OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
			jakarta.servlet.http.HttpSession session = request.getSession(false);
			if ((read || session != null && csrfTokenMatches(request, session)) && session != null && request.getHeader("Authorization") == null
					&& org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication() == null) {
				org.camunda.bpm.webapp.impl.security.auth.Authentications authentications =
						org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil.getAuthsFromSession(session);
				if (authentications != null && authentications.getAuthenticationForProcessEngine(
						"default") instanceof org.camunda.bpm.webapp.impl.security.auth.UserAuthentication user) {
					List<SimpleGrantedAuthority> groups = user.getGroupIds() == null ? List.of()
							: user.getGroupIds().stream().map(SimpleGrantedAuthority::new).toList();
					org.springframework.security.core.context.SecurityContext context =
							org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
					context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.getName(), null, groups));
					org.springframework.security.core.context.SecurityContextHolder.setContext(context);
				}
			}
			chain.doFilter(request, response);
		}

	}

	/**
	 * Whether a changing request from one of CreditDesk's pages carries the webapps' CSRF token of its session
	 * (header {@code X-XSRF-TOKEN}, the page received it with the page): then the session may write as well, as
	 * Tasklist's own requests do. A cross-site request cannot know the token.
	 */
	static boolean csrfTokenMatches(HttpServletRequest request, jakarta.servlet.http.HttpSession session) {
		Object expected = session.getAttribute(CSRF_TOKEN_SESSION_ATTRIBUTE);
		String sent = request.getHeader("X-XSRF-TOKEN");
		return expected instanceof String token && sent != null && !token.isEmpty()
				&& java.security.MessageDigest.isEqual(token.getBytes(java.nio.charset.StandardCharsets.UTF_8),
						sent.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	/** Where the webapps keep a session's CSRF token (Camunda's {@code CsrfConstants}). */
	static final String CSRF_TOKEN_SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";

	/** Makes the authenticated user the engine's current authentication for the duration of the request. */
	static final class CamundaAuthenticationFilter extends org.springframework.web.filter.OncePerRequestFilter {

		private final IdentityService identityService;

		CamundaAuthenticationFilter(IdentityService identityService) {
			this.identityService = identityService;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication authentication = org.springframework.security.core.context.SecurityContextHolder
				.getContext()
				.getAuthentication();
			if (authentication == null || !authentication.isAuthenticated()) {
				chain.doFilter(request, response);
				return;
			}
			List<String> groups = authentication.getAuthorities().stream().map(a -> a.getAuthority()).toList();
			identityService.setAuthentication(authentication.getName(), groups);
			try {
				chain.doFilter(request, response);
			}
			finally {
				identityService.clearAuthentication();
			}
		}

	}

}
