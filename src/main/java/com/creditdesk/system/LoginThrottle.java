package com.creditdesk.system;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Stops password guessing without handing strangers a switch that locks someone else out: failed logins are
 * counted per source address, on every door that takes a password (the webapps' login form, HTTP basic on
 * {@code engine-rest} and {@code /api}). A source with {@code max-failures} failures within {@code window} gets 429
 * with {@code Retry-After} until its oldest failure leaves the window; its requests are refused before any password
 * is checked, so it cannot push a user's own (temporary, engine-side) login delay further either. Other sources,
 * the user's own among them, are not affected. Counts are kept per node, in memory.
 */
@Component
public class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	private static final int MAX_SOURCES = 10_000;

	private final Settings settings;

	private final ConcurrentHashMap<String, Deque<Long>> failures = new ConcurrentHashMap<>();

	LoginThrottle(Settings settings) {
		this.settings = settings;
	}

	/**
	 * @param maxFailures failed logins one source may make within the window (default 10)
	 * @param window how long a failure counts (default 15 minutes)
	 */
	@ConfigurationProperties("creditdesk.security.login-throttle")
	record Settings(Integer maxFailures, Duration window) {

		Settings {
			maxFailures = maxFailures == null ? 10 : maxFailures;
			window = window == null ? Duration.ofMinutes(15) : window;
		}

	}

	/** Seconds until the source may try again, or 0 if it may now. */
	long retryAfterSeconds(String source) {
		Deque<Long> times = failures.get(source);
		if (times == null) {
			return 0;
		}
		synchronized (times) {
			long now = System.nanoTime();
			long window = settings.window().toNanos();
			while (!times.isEmpty() && now - times.peekFirst() > window) {
				times.pollFirst();
			}
			if (times.size() < settings.maxFailures()) {
				return 0;
			}
			return Math.max(1, Duration.ofNanos(window - (now - times.peekFirst())).toSeconds());
		}
	}

	void failed(String source) {
		if (failures.size() >= MAX_SOURCES) {
			failures.clear();
		}
		Deque<Long> times = failures.computeIfAbsent(source, s -> new ArrayDeque<>());
		synchronized (times) {
			times.addLast(System.nanoTime());
			while (times.size() > settings.maxFailures()) {
				times.pollFirst();
			}
			if (times.size() == settings.maxFailures()) {
				log.warn("Failed logins from {} reached {} within {}: further logins from there wait", source,
						settings.maxFailures(), settings.window());
			}
		}
	}

	/** Forgets a source's failures (an administrator who knows the address is a colleague's). */
	public void forget(String source) {
		failures.remove(source);
	}

	/** Forgets every source's failures. */
	public void forgetAll() {
		failures.clear();
	}

	/** Whether the request presents credentials: HTTP basic, or the webapps' login form. */
	static boolean presentsCredentials(HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return true;
		}
		return "POST".equals(request.getMethod()) && request.getRequestURI() != null
				&& request.getRequestURI().matches(".*/api/admin/auth/user/[^/]+/login/[^/]+");
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<OncePerRequestFilter> loginThrottleFilter(LoginThrottle throttle) {
			FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
					new ThrottleFilter(throttle));
			registration.setName("login-throttle");
			registration.addUrlPatterns("/*");
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

	static final class ThrottleFilter extends OncePerRequestFilter {

		private final LoginThrottle throttle;

		ThrottleFilter(LoginThrottle throttle) {
			this.throttle = throttle;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (!presentsCredentials(request)) {
				chain.doFilter(request, response);
				return;
			}
			String source = request.getRemoteAddr();
			long retryAfter = throttle.retryAfterSeconds(source);
			if (retryAfter > 0) {
				response.setStatus(429);
				response.setHeader("Retry-After", String.valueOf(retryAfter));
				response.setContentType("application/problem+json");
				response.setCharacterEncoding("UTF-8");
				java.util.Locale language = Messages.locale(request);
				response.getWriter()
					.write("{\"type\":\"about:blank\",\"title\":\""
							+ json(Messages.text(language, "security.tooManyLoginsTitle")) + "\",\"status\":429,"
							+ "\"detail\":\"" + json(Messages.text(language, "security.tooManyLogins",
									String.valueOf(retryAfter)))
							+ "\"}");
				return;
			}
			chain.doFilter(request, response);
			if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
				throttle.failed(source);
			}
		}

		/** A text as the inside of a JSON string. */
		private static String json(String text) {
			return text.replace("\\", "\\\\").replace("\"", "\\\"");
		}

	}

}
