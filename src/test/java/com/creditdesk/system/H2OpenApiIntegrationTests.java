package com.creditdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.creditdesk.support.IntegrationTestBase;
import com.creditdesk.support.OnH2;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The OpenAPI document covers every operation of CreditDesk's API, and it and Swagger UI need a login. */
@OnH2
class H2OpenApiIntegrationTests extends IntegrationTestBase {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void theDocumentAndSwaggerUiNeedALogin() throws Exception {
		assertThat(http.getForEntity("/api/openapi", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		// a browser without a login is sent to Tasklist's login form (no redirect following here)
		HttpResponse<String> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/swagger-ui/index.html"))
				.header("Accept", "text/html")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/camunda/app/tasklist/default/"));
		ResponseEntity<String> ui = as("ana").getForEntity("/swagger-ui/index.html", String.class);
		assertThat(ui.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(ui.getBody()).contains("swagger-ui");
		ResponseEntity<String> config = as("ana").getForEntity("/api/openapi/swagger-config", String.class);
		assertThat(config.getBody()).contains("/api/openapi");
	}

	@Test
	void everyApiOperationIsDocumentedWithItsProblems() throws Exception {
		ResponseEntity<String> response = as("ana").getForEntity("/api/openapi", String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode document = new ObjectMapper().readTree(response.getBody());
		assertThat(document.path("openapi").asText()).startsWith("3.");
		assertThat(document.path("components").path("schemas").has(ApiDocumentation.PROBLEM)).isTrue();

		Set<String> documented = new TreeSet<>();
		for (Iterator<String> paths = document.path("paths").fieldNames(); paths.hasNext();) {
			String path = paths.next();
			document.path("paths").path(path).fieldNames().forEachRemaining(method -> {
				documented.add(method.toUpperCase() + " " + path);
				JsonNode responses = document.path("paths").path(path).path(method).path("responses");
				assertThat(responses.has("400") && responses.has("401") && responses.has("403"))
					.as(method + " " + path + " documents its problem details").isTrue();
			});
		}
		Set<String> served = new TreeSet<>();
		mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
			if (!handler.getBeanType().isAnnotationPresent(RestController.class)
					|| !handler.getBeanType().getPackageName().startsWith("com.creditdesk")) {
				return;
			}
			for (String path : info.getPatternValues()) {
				if (path.startsWith("/api/")) {
					info.getMethodsCondition().getMethods().forEach(method -> served.add(method.name() + " " + path));
				}
			}
		});
		assertThat(served).hasSizeGreaterThan(30);
		assertThat(documented).containsAll(served);

		// who may call each: the policy workbench and the ERP feed name their groups, the rest is every user
		document.path("paths").forEach(path -> path.forEach(operation -> assertThat(operation.path("x-roles").isArray())
			.as(operation.path("operationId").asText() + " states its roles").isTrue()));
		assertThat(document.path("paths").path("/api/policy/{key}/candidates").path("post").path("x-roles").toString())
			.isEqualTo("[\"creditAdmins\",\"camunda-admin\"]");
		assertThat(document.path("paths").path("/api/receivables/payments").path("post").path("description").asText())
			.startsWith("权限 Access: 仅限 Only creditAdmins, camunda-admin; ERP");
		assertThat(document.path("paths").path("/api/credit-checks").path("post").path("x-roles").toString())
			.isEqualTo("[\"*\"]");

		// the credit check, with its request's schema
		JsonNode check = document.path("paths").path("/api/credit-checks").path("post");
		assertThat(check.path("requestBody").path("content").path("application/json").path("schema").path("$ref")
			.asText()).isNotEmpty();
		assertThat(List.of(check.path("responses").fieldNames().next())).isNotEmpty();
	}

	@Test
	void theReadmeApiTableListsExactlyTheDocumentedCalls() throws Exception {
		JsonNode document = new ObjectMapper().readTree(as("ana").getForEntity("/api/openapi", String.class).getBody());
		Set<String> documented = new TreeSet<>();
		document.path("paths").fieldNames().forEachRemaining(path -> document.path("paths").path(path).fieldNames()
			.forEachRemaining(method -> documented.add(method.toUpperCase() + " " + normalized(path))));
		String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
		String table = readme.substring(readme.indexOf("## CreditDesk API"));
		table = table.substring(0, table.indexOf("\n## ", 1));
		Set<String> listed = new TreeSet<>();
		java.util.regex.Matcher call = java.util.regex.Pattern.compile("(GET|POST|PUT|PATCH|DELETE) (/api/[^\\s`?|]+)")
			.matcher(table);
		while (call.find()) {
			listed.add(call.group(1) + " " + normalized(call.group(2)));
		}
		assertThat(listed).as("calls the README lists").containsExactlyInAnyOrderElementsOf(documented);
	}

	/** {@code /api/customers/{customerId}/…} and {@code /api/customers/{id}/…} are the same call. */
	private static String normalized(String path) {
		return path.replaceAll("\\{[^}]*}", "{}");
	}

}
