package com.creditdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.creditdesk.support.IntegrationTestBase;
import com.creditdesk.support.WebappSession;

/**
 * The security rules, tried as an attacker would: anonymous calls, wrong roles, the admin setup endpoint, and
 * expressions smuggled into task queries. Runs on H2 and on PostgreSQL (see the subclasses).
 */
abstract class SecurityIntegrationTests extends IntegrationTestBase {

	@Test
	void anonymousEngineRestCallGets401() {
		ResponseEntity<String> response = http.getForEntity("/engine-rest/process-definition?maxResults=10",
				String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void anonymousApiCallGets401WithProblemDetail() {
		ResponseEntity<String> response = http.getForEntity("/api/customers", String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
		assertThat(response.getBody()).contains("HTTP basic authentication");
	}

	@Test
	void wrongPasswordGets401() {
		ResponseEntity<String> response = http.withBasicAuth("ben", "not-the-password")
			.getForEntity("/api/customers", String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		// a failed login delays ben's next one by a few seconds: lift that for the tests that follow
		engine.getIdentityService().unlockUser("ben");
	}

	@Test
	void repSeesOnlyOwnCustomersAndGets403ForAnotherRepsCustomer() {
		ResponseEntity<Map[]> own = as("ana").getForEntity("/api/customers", Map[].class);
		assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(own.getBody()).isNotEmpty().allSatisfy(c -> assertThat(c.get("responsibleRep")).isEqualTo("ana"));

		ResponseEntity<Map[]> all = as("clara").getForEntity("/api/customers", Map[].class);
		assertThat(all.getBody()).extracting(c -> c.get("responsibleRep")).contains("ana", "ben");

		Object bensCustomer = java.util.Arrays.stream(all.getBody())
			.filter(c -> "ben".equals(c.get("responsibleRep")))
			.findFirst()
			.orElseThrow()
			.get("id");
		ResponseEntity<String> foreign = as("ana").getForEntity("/api/customers/" + bensCustomer, String.class);
		assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(foreign.getBody()).contains("another rep");
	}

	@Test
	void repCannotCreateUsersThroughEngineRest() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		String body = "{\"profile\":{\"id\":\"mallory\"},\"credentials\":{\"password\":\"Secret-123456\"}}";
		ResponseEntity<String> response = as("ana").exchange("/engine-rest/user/create", HttpMethod.POST,
				new HttpEntity<>(body, headers), String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(engine.getIdentityService().createUserQuery().userId("mallory").count()).isZero();
	}

	@Test
	void engineRestRefusesUnboundedListsButTasklistStillListsFilters() {
		ResponseEntity<String> unbounded = as("ana").getForEntity("/engine-rest/process-definition", String.class);
		assertThat(unbounded.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(unbounded.getBody()).contains("unbound number of results");

		WebappSession tasklist = new WebappSession(port);
		assertThat(tasklist.login("tasklist", "ana", "demo")).isEqualTo(200);
		HttpResponse<String> filters = tasklist.get("/camunda/api/engine/engine/default/filter?resourceType=Task&itemCount=true");
		assertThat(filters.statusCode()).isEqualTo(200);
		assertThat(filters.body()).contains("All my tasks", "Credit investigations", "Collections")
			.as("a rep never gets an approval").doesNotContain("Credit approvals", "逾期待办 Overdue", "无人认领 Unclaimed");
		WebappSession manager = new WebappSession(port);
		assertThat(manager.login("tasklist", "clara", "demo")).isEqualTo(200);
		assertThat(manager.get("/camunda/api/engine/engine/default/filter?resourceType=Task&itemCount=true").body())
			.contains("All my tasks", "Credit approvals", "逾期待办 Overdue", "Credit reviews")
			.doesNotContain("Credit investigations", "无人认领 Unclaimed");
		WebappSession admin = new WebappSession(port);
		assertThat(admin.login("tasklist", "fay", "demo")).isEqualTo(200);
		assertThat(admin.get("/camunda/api/engine/engine/default/filter?resourceType=Task&itemCount=true").body())
			.contains("All my tasks", "逾期待办 Overdue", "无人认领 Unclaimed");
	}

	@Test
	void theTasklistSessionReadsCreditDeskPagesAndWritesOnlyWithItsCsrfToken() {
		WebappSession anonymous = new WebappSession(port);
		assertThat(anonymous.get("/api/customers").statusCode()).isEqualTo(401);

		WebappSession ana = new WebappSession(port);
		assertThat(ana.login("tasklist", "ana", "demo")).isEqualTo(200);
		HttpResponse<String> customers = ana.get("/api/customers");
		assertThat(customers.statusCode()).isEqualTo(200);
		assertThat(customers.body()).contains("Hangzhou Dongfang").doesNotContain("Shenzhen Nanfang");
		assertThat(ana.get("/api/liabilities").statusCode()).isEqualTo(200);
		assertThat(ana.get("/api/liabilities?person=ben").statusCode()).as("still only her own").isEqualTo(403);
		String check = "{\"customerId\":1,\"orderReference\":\"SO-S\",\"amount\":10}";
		assertThat(ana.postJsonWithoutToken("/api/credit-checks", check).statusCode())
			.as("a cross-site write rides on the session without its token: refused").isEqualTo(401);
		assertThat(ana.postJsonWithToken("/api/credit-checks", check, "forged").statusCode())
			.as("a wrong token").isEqualTo(401);
		assertThat(ana.postJson("/api/credit-checks", check).statusCode())
			.as("the page's own write, with the session's CSRF token (as Tasklist writes)").isEqualTo(200);
	}

	@Test
	void afterATasklistLoginTheReceivablesPageAndItsFourParallelRequestsNeedNoSecondLogin() throws Exception {
		for (int attempt = 0; attempt < 3; attempt++) {
			WebappSession fay = new WebappSession(port);
			assertThat(fay.login("tasklist", "fay", "demo")).isEqualTo(200);
			java.util.concurrent.ExecutorService browser = java.util.concurrent.Executors.newFixedThreadPool(4);
			List<java.util.concurrent.Future<HttpResponse<String>>> answers = browser.invokeAll(List.of(
					() -> fay.get("/api/reports/aging?groupBy=customer"), () -> fay.get("/api/reports/aging?groupBy=region"),
					() -> fay.get("/api/customers"), () -> fay.get("/api/reports/kpis")));
			browser.shutdown();
			for (var answer : answers) {
				assertThat(answer.get().statusCode()).as("attempt %d", attempt).isEqualTo(200);
				assertThat(answer.get().headers().firstValue("WWW-Authenticate")).isEmpty();
				assertThat(answer.get().headers().allValues("Set-Cookie")).as("the webapps' session keeps its id")
					.noneMatch(cookie -> cookie.startsWith("JSESSIONID="));
			}
		}
	}

	@Test
	void cockpitAndAdminLoginPagesLoadTheirPluginAssetsBeforeLogin() {
		WebappSession anonymous = new WebappSession(port);
		assertThat(anonymous.get("/camunda/api/cockpit/plugin/cockpitPlugins/static/app/plugin.js?bust=7.24.0")
			.statusCode()).isEqualTo(200);
		assertThat(anonymous.get("/camunda/api/admin/plugin/adminPlugins/static/app/plugin.js?bust=7.24.0")
			.statusCode()).isEqualTo(200);
		assertThat(anonymous.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics")
			.statusCode()).isEqualTo(403);
	}

	@Test
	void repCannotLogInToCockpitNorCallItsApi() {
		WebappSession rep = new WebappSession(port);
		assertThat(rep.login("cockpit", "ana", "demo")).isEqualTo(403);
		assertThat(rep.login("tasklist", "ana", "demo")).isEqualTo(200);
		assertThat(rep.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics").statusCode())
			.isEqualTo(403);
		assertThat(rep.get("/camunda/api/admin/plugin/adminPlugins/default/").statusCode()).isEqualTo(403);

		WebappSession creditAdmin = new WebappSession(port);
		assertThat(creditAdmin.login("cockpit", "fay", "demo")).isEqualTo(200);
		assertThat(creditAdmin.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics")
			.statusCode()).isEqualTo(200);
	}

	@Test
	void adminSetupEndpointIsClosedForEveryone() {
		String newAdmin = "{\"profile\":{\"id\":\"eve\"},\"credentials\":{\"password\":\"Secret-123456\"}}";
		WebappSession anonymous = new WebappSession(port);
		anonymous.get("/camunda/app/admin/default/setup/");
		HttpResponse<String> asAnonymous = anonymous.postJson("/camunda/api/admin/setup/default/user/create", newAdmin);
		assertThat(asAnonymous.statusCode()).isEqualTo(403);
		assertThat(asAnonymous.body()).contains("Setup is closed");

		WebappSession rep = new WebappSession(port);
		rep.login("tasklist", "ana", "demo");
		HttpResponse<String> asRep = rep.postJson("/camunda/api/admin/setup/default/user/create", newAdmin);
		assertThat(asRep.statusCode()).isEqualTo(403);
		assertThat(asRep.body()).contains("Setup is closed");
		assertThat(engine.getIdentityService().createUserQuery().userId("eve").count()).isZero();
	}

	@Test
	void expressionsInOrQueriesAreRejectedOnEngineRest() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		String smuggled = "{\"orQueries\":[{\"assigneeExpression\":\"${''.getClass().forName('java.lang.Runtime')}\"}]}";
		ResponseEntity<String> response = as("ana").exchange("/engine-rest/task?maxResults=10", HttpMethod.POST,
				new HttpEntity<>(smuggled, headers), String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).contains("Expressions are not allowed");

		ResponseEntity<String> count = as("ana").exchange("/engine-rest/task/count", HttpMethod.POST,
				new HttpEntity<>("{\"orQueries\":[{\"candidateGroupExpression\":\"${1+1}\"}]}", headers),
				String.class);
		assertThat(count.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void expressionsInStoredFiltersAndExtendingQueriesAreRejected() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		String filter = "{\"resourceType\":\"Task\",\"name\":\"evil\",\"owner\":\"admin\",\"query\":{\"orQueries\":"
				+ "[{\"assigneeExpression\":\"${1+1}\"}]}}";
		ResponseEntity<String> created = as("admin").exchange("/engine-rest/filter/create", HttpMethod.POST,
				new HttpEntity<>(filter, headers), String.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(engine.getFilterService().createFilterQuery().filterName("evil").count()).isZero();

		String allTasks = engine.getFilterService().createFilterQuery().filterName("我的任务 All my tasks").singleResult()
			.getId();
		WebappSession tasklist = new WebappSession(port);
		tasklist.login("tasklist", "ana", "demo");
		HttpResponse<String> extended = tasklist.postJson(
				"/camunda/api/engine/engine/default/filter/" + allTasks + "/list?firstResult=0&maxResults=15",
				"{\"orQueries\":[{\"assigneeExpression\":\"${1+1}\"}]}");
		assertThat(extended.statusCode()).as(extended.body()).isEqualTo(400);
		assertThat(extended.body()).contains("Expressions are not allowed");
	}

}
