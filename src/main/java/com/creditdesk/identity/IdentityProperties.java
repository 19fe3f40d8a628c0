package com.creditdesk.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Identity settings. The administrator's password has no default outside the demo profile.
 *
 * @param admin the administrator created on first start
 * @param demo demo users and data
 * @param metricsScraper the user Prometheus scrapes {@code /actuator/prometheus} with (group {@code operations}),
 *        created only when a password is configured
 */
@ConfigurationProperties("creditdesk")
record IdentityProperties(Admin admin, Demo demo, MetricsScraper metricsScraper) {

	static final String ADMIN_PASSWORD_VARIABLE = "CREDITDESK_ADMIN_PASSWORD";

	IdentityProperties {
		admin = admin == null ? new Admin(null, null, null, null, null) : admin;
		demo = demo == null ? new Demo(false, null) : demo;
		metricsScraper = metricsScraper == null ? new MetricsScraper(null, null) : metricsScraper;
	}

	/**
	 * @param id the scraper's user id ({@code prometheus} by default)
	 * @param password its password (environment variable {@code CREDITDESK_METRICS_PASSWORD}); none: no such user
	 */
	record MetricsScraper(String id, String password) {

		MetricsScraper {
			id = id == null || id.isBlank() ? "prometheus" : id;
		}

		boolean configured() {
			return password != null && !password.isBlank();
		}

	}

	record Admin(String id, String password, String firstName, String lastName, String email) {

		Admin {
			id = id == null || id.isBlank() ? "admin" : id;
		}

	}

	/**
	 * @param enabled whether demo users and customers are created
	 * @param password the password of every demo user except the administrator
	 */
	record Demo(boolean enabled, String password) {

		Demo {
			password = password == null || password.isBlank() ? "demo" : password;
		}

	}

}
