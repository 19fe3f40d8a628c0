package com.creditdesk.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser-like session against Camunda's webapps: session cookie plus the XSRF token the webapps require on
 * every modifying request.
 */
public final class WebappSession {

	private final String base;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient client;

	public WebappSession(int port) {
		this.base = "http://localhost:" + port;
		this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
	}

	/** Logs in to one of the webapps ({@code tasklist}, {@code cockpit}, {@code admin}); returns the status. */
	public int login(String app, String user, String password) {
		get("/camunda/app/" + app + "/default/");
		String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8);
		int status = post("/camunda/api/admin/auth/user/default/login/" + app, "application/x-www-form-urlencoded",
				form)
			.statusCode();
		// the login starts a new session: fetch the XSRF token that belongs to it
		get("/camunda/api/admin/auth/user/default");
		return status;
	}

	public HttpResponse<String> get(String path) {
		return send(request(path).GET().build());
	}

	public HttpResponse<String> post(String path, String contentType, String body) {
		return send(request(path).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	public HttpResponse<String> postJson(String path, String json) {
		return post(path, "application/json", json);
	}

	/** A POST with the session cookie but without the webapps' CSRF token (as a cross-site form would send it). */
	public HttpResponse<String> postJsonWithoutToken(String path, String json) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Accept", "application/json")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	/** A POST with the session cookie and a CSRF token of the caller's choosing. */
	public HttpResponse<String> postJsonWithToken(String path, String json, String token) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Accept", "application/json")
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", token)
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
		String token = xsrfToken();
		if (token != null) {
			builder.header("X-XSRF-TOKEN", token);
		}
		return builder;
	}

	private String xsrfToken() {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
