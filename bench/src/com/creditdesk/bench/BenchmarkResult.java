package com.creditdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Writes a benchmark's figures to bench/results/NAME.json and prints one line per scenario. */
final class BenchmarkResult {

	private final String name;

	private final Map<String, Object> document = new LinkedHashMap<>();

	private final List<Map<String, Object>> scenarios = new java.util.ArrayList<>();

	BenchmarkResult(String name) {
		this.name = name;
		document.put("benchmark", name);
		document.put("measuredAt", Instant.now().toString());
		document.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "maxHeapMb",
				Runtime.getRuntime().maxMemory() / (1024 * 1024), "java", System.getProperty("java.version")));
		document.put("scenarios", scenarios);
	}

	void add(Map<String, Object> scenario) {
		scenarios.add(scenario);
		StringBuilder line = new StringBuilder(name).append(':');
		scenario.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
		System.out.println(line);
	}

	void write() throws IOException {
		Path dir = Path.of(System.getProperty("bench.results", "bench/results"));
		Files.createDirectories(dir);
		Path file = dir.resolve(name + ".json");
		new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), document);
		System.out.println(name + ": written " + file);
	}

}
