package com.creditdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.creditdesk.support.IntegrationTestBase;

/** CreditDesk's own pages as a browser sees them: one layout, names instead of codes, HTML errors, no password box. */
abstract class PagesIntegrationTests extends IntegrationTestBase {

	@Test
	void everyPageHasTheHeaderWithTheUserByNameAndTheWayToTasklistCockpitAndLogout() {
		for (String path : List.of("/customers", "/requests", "/reports/receivables", "/reports/collections", "/reports/liabilities")) {
			ResponseEntity<String> page = browser(as("fay"), path);
			assertThat(page.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
			assertThat(page.getBody()).as(path)
				.contains("class=\"cd-header\"", "CreditDesk", "Fay Liu", "信用管理员 Credit administrator", "id=\"cd-logout\"",
						"/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/", "/creditdesk/page.css");
		}
	}

	@Test
	void statusesAndPeopleShowByNameNotByCode() {
		String customers = browser(as("ana"), "/customers").getBody();
		assertThat(customers).contains("正常赊销 Active", "Ana Lin").doesNotContain(">ACTIVE<", ">ana<");
	}

	@Test
	void aBrowserGetsErrorsAsPagesAndAnApiClientAsProblemDetails() {
		ResponseEntity<String> missing = browser(as("fay"), "/customers/987654321");
		assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(missing.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
		assertThat(missing.getBody()).contains("找不到 Not found", "class=\"cd-header\"");

		ResponseEntity<String> wrongId = browser(as("fay"), "/customers/abc");
		assertThat(wrongId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(wrongId.getBody()).contains("请求无效 Invalid request");

		ResponseEntity<String> nowhere = browser(as("fay"), "/no-such-page");
		assertThat(nowhere.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(nowhere.getBody()).contains("找不到页面 Page not found");

		ResponseEntity<String> api = as("fay").getForEntity("/api/customers/987654321", String.class);
		assertThat(api.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(api.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
	}

	@Test
	void aBrowserWithoutLoginIsSentToTheLoginFormNotAskedForAPassword() throws Exception {
		java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/customers"))
				.header("Accept", "text/html")
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/camunda/app/tasklist/default/"));
		assertThat(page.headers().firstValue(HttpHeaders.WWW_AUTHENTICATE)).isEmpty();

		ResponseEntity<String> api = http.getForEntity("/api/customers", String.class);
		assertThat(api.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	private static ResponseEntity<String> browser(TestRestTemplate client, String path) {
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(List.of(MediaType.TEXT_HTML, MediaType.ALL));
		return client.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
	}

}
