package com.creditdesk.system;

import java.util.Map;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI document of CreditDesk's API ({@code GET /api/openapi}, Swagger UI at {@code /swagger-ui.html}, both
 * behind the login): every operation under {@code /api}, authenticated by HTTP Basic or the webapps' session, and
 * the problem details (RFC 9457) it answers bad input, a missing login, a refused role, an unknown id and a conflict
 * with.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String PROBLEM = "ProblemDetail";

	private static final Map<String, String> PROBLEMS = Map.of("400",
			"输入有误 Bad input: the problem names each field and what is wrong (problem detail)", "401",
			"未登录 Not logged in (HTTP Basic or the webapps' session)", "403",
			"无权操作 Not allowed for your role or customer (problem detail)", "404",
			"不存在 Unknown id (problem detail)", "409",
			"冲突 Conflict with the current state, e.g. already decided (problem detail)");

	@Bean
	OpenAPI creditDeskApi() {
		Map<String, Schema> problem = ModelConverters.getInstance().read(ProblemDetail.class);
		Components components = new Components()
			.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
			.addSecuritySchemes("session", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
				.in(SecurityScheme.In.COOKIE)
				.name("JSESSIONID")
				.description("The Camunda webapps' session (log in to Tasklist); changes also send X-XSRF-TOKEN"));
		problem.forEach(components::addSchemas);
		return new OpenAPI()
			.info(new Info().title("CreditDesk API 信用管理接口")
				.version("1")
				.description("客户信用管理：信用调查、分级授信审批、信用检查、应收账款与催收。 Customer credit management: "
						+ "investigations, tiered credit-grant approval, credit checks, receivables and collection. "
						+ "Amounts are CNY with two decimals; messages follow Accept-Language (zh-CN first, en)."))
			.components(components)
			.addSecurityItem(new SecurityRequirement().addList("basic"))
			.addSecurityItem(new SecurityRequirement().addList("session"));
	}

	/**
	 * Every operation documents who may call it ({@code x-roles}, and first in its description, from {@link ApiAccess}),
	 * and the problem details it may answer, beside its own responses.
	 */
	@Bean
	OperationCustomizer problemResponses() {
		return (operation, handler) -> {
			ApiAccess access = handler.getMethodAnnotation(ApiAccess.class) != null
					? handler.getMethodAnnotation(ApiAccess.class)
					: handler.getBeanType().getAnnotation(ApiAccess.class);
			String who = access == null ? ApiAccess.EVERY_USER
					: "仅限 Only " + String.join(", ", access.roles()) + (access.note().isEmpty() ? "" : "; " + access.note());
			operation.addExtension("x-roles", access == null ? java.util.List.of("*") : java.util.List.of(access.roles()));
			operation.setDescription("权限 Access: " + who + (operation.getDescription() == null ? ""
					: "\n\n" + operation.getDescription()));
			PROBLEMS.forEach((status, description) -> {
				if (operation.getResponses() != null && !operation.getResponses().containsKey(status)) {
					operation.getResponses()
						.addApiResponse(status, new ApiResponse().description(description)
							.content(new Content().addMediaType("application/problem+json",
									new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
				}
			});
			return operation;
		};
	}

}
