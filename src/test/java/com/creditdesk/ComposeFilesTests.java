package com.creditdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code docker-compose.yml} and the files it mounts, checked without Docker (none on the build machines; where
 * Docker exists, {@code docker compose --profile cluster --profile monitoring config} says the same): every service
 * runs an image, every mounted file exists, the cluster's proxy and Prometheus name exactly the app nodes, every
 * secret a service uses is defined, Grafana's dashboard reads the provisioned data source.
 */
class ComposeFilesTests {

	private final Map<String, Object> compose = yaml(Path.of("docker-compose.yml"));

	@SuppressWarnings("unchecked")
	private Map<String, Map<String, Object>> services() {
		return (Map<String, Map<String, Object>>) compose.get("services");
	}

	/** The CreditDesk nodes: services built from the application's Dockerfile. */
	private List<String> appNodes() {
		List<String> nodes = new ArrayList<>();
		services().forEach((name, service) -> {
			if (service.get("build") instanceof Map<?, ?> build
					&& "src/main/docker/Dockerfile".equals(build.get("dockerfile"))) {
				nodes.add(name);
			}
		});
		return nodes;
	}

	@Test
	void everyServiceRunsAnImageAndTheProfilesHoldWhatTheReadmePromises() {
		services().forEach((name, service) -> assertThat(service).as(name).containsKey("image"));
		assertThat(appNodes()).containsExactly("creditdesk", "creditdesk-2");
		assertThat(profile("creditdesk")).isEmpty();
		assertThat(profile("postgres")).isEmpty();
		assertThat(profile("mailpit")).as("a new user sees the mails").isEmpty();
		assertThat(profile("creditdesk-2")).containsExactly("cluster");
		assertThat(profile("proxy")).containsExactly("cluster");
		assertThat(profile("prometheus")).containsExactly("monitoring");
		assertThat(profile("grafana")).containsExactly("monitoring");
		for (String node : appNodes()) {
			Map<String, Object> environment = map(services().get(node).get("environment"));
			assertThat(environment).as(node).containsEntry("SPRING_PROFILES_ACTIVE", "postgres")
				.containsKeys("POSTGRES_URL", "POSTGRES_PASSWORD", "CREDITDESK_ADMIN_PASSWORD", "CREDITDESK_METRICS_PASSWORD");
			assertThat(String.valueOf(environment.get("SPRING_MAIL_HOST"))).contains("mailpit");
			assertThat(String.valueOf(environment.get("CREDITDESK_ADMIN_PASSWORD"))).as("no default password")
				.startsWith("${CREDITDESK_ADMIN_PASSWORD:?");
		}
		List<String> hostPorts = new ArrayList<>();
		services().values().forEach(service -> ((List<?>) service.getOrDefault("ports", List.of()))
			.forEach(port -> hostPorts.add(String.valueOf(port).split(":")[0])));
		assertThat(hostPorts).as("host ports").doesNotHaveDuplicates().contains("8080", "8088", "9090", "3000", "8025");
	}

	@Test
	void everyMountedFileExistsAndEverySecretIsDefined() {
		Map<String, Object> secrets = map(compose.get("secrets"));
		services().forEach((name, service) -> {
			for (Object volume : (List<?>) service.getOrDefault("volumes", List.of())) {
				String source = String.valueOf(volume).split(":")[0];
				if (source.startsWith("./")) {
					assertThat(Path.of(source)).as(name + " mounts " + source).exists();
				}
			}
			for (Object secret : (List<?>) service.getOrDefault("secrets", List.of())) {
				assertThat(secrets).as(name + " uses secret " + secret).containsKey(String.valueOf(secret));
			}
		});
	}

	@Test
	@SuppressWarnings("unchecked")
	void theProxyAndPrometheusNameExactlyTheAppNodes() throws IOException {
		List<String> servers = new ArrayList<>();
		Matcher server = Pattern.compile("(?m)^\\s*server\\s+([\\w-]+):(\\d+)").matcher(Files.readString(Path.of("ops/nginx/creditdesk.conf")));
		while (server.find()) {
			servers.add(server.group(1));
			assertThat(server.group(2)).isEqualTo("8080");
		}
		assertThat(servers).containsExactlyElementsOf(appNodes());
		assertThat(Files.readString(Path.of("ops/nginx/creditdesk.conf"))).as("a browser stays on its session's node")
			.contains("ip_hash;");

		Map<String, Object> prometheus = yaml(Path.of("ops/prometheus/prometheus.yml"));
		Map<String, Object> job = map(((List<?>) prometheus.get("scrape_configs")).get(0));
		assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
		Map<String, Object> auth = map(job.get("basic_auth"));
		assertThat(auth).containsEntry("username", "prometheus");
		assertThat(String.valueOf(auth.get("password_file")))
			.isEqualTo("/run/secrets/" + ((List<?>) services().get("prometheus").get("secrets")).get(0));
		List<Object> targets = (List<Object>) map(((List<?>) job.get("static_configs")).get(0)).get("targets");
		assertThat(targets).containsExactlyElementsOf(appNodes().stream().map(node -> (Object) (node + ":8080")).toList());
	}

	@Test
	void grafanaShowsTheDashboardFromTheProvisionedDataSource() throws IOException {
		Map<String, Object> datasources = yaml(Path.of("ops/grafana/provisioning/datasources/prometheus.yml"));
		Map<String, Object> datasource = map(((List<?>) datasources.get("datasources")).get(0));
		assertThat(datasource).containsEntry("url", "http://prometheus:9090");
		Map<String, Object> provider = map(((List<?>) yaml(Path.of("ops/grafana/provisioning/dashboards/creditdesk.yml"))
			.get("providers")).get(0));
		assertThat(services().get("grafana").get("volumes").toString())
			.contains("./ops/grafana/dashboards:" + map(provider.get("options")).get("path"));

		JsonNode dashboard = new ObjectMapper().readTree(Path.of("ops/grafana/dashboards/creditdesk.json").toFile());
		assertThat(dashboard.path("panels").size()).isPositive();
		for (JsonNode panel : dashboard.path("panels")) {
			assertThat(panel.path("datasource").path("uid").asText()).as(panel.path("title").asText())
				.isEqualTo(datasource.get("uid"));
			assertThat(panel.path("targets").size()).as(panel.path("title").asText()).isPositive();
		}
	}

	@SuppressWarnings("unchecked")
	private List<Object> profile(String service) {
		return (List<Object>) services().get(service).getOrDefault("profiles", List.of());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return value == null ? new LinkedHashMap<>() : (Map<String, Object>) value;
	}

	private static Map<String, Object> yaml(Path file) {
		try {
			return new Yaml().load(Files.readString(file));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

}
