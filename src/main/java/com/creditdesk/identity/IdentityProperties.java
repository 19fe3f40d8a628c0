package com.creditdesk.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Identity settings. The administrator's password has no default outside the demo profile.
 *
 * @param admin the administrator created on first start
 * @param demo demo users and data
 */
@ConfigurationProperties("creditdesk")
record IdentityProperties(Admin admin, Demo demo) {

	static final String ADMIN_PASSWORD_VARIABLE = "CREDITDESK_ADMIN_PASSWORD";

	IdentityProperties {
		admin = admin == null ? new Admin(null, null, null, null, null) : admin;
		demo = demo == null ? new Demo(false, null) : demo;
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
