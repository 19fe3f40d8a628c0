package com.creditdesk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.ConfigurableApplicationContext;

import com.creditdesk.support.EmbeddedPostgresConfiguration;

/**
 * Credit-check latency and throughput over HTTP on loopback, against the whole application on PostgreSQL with
 * 10,000 customers and 1,000,000 open receivables (generated here).
 * <ol>
 * <li>Fixed load: {@code bench.rate} checks/s (default 200) for {@code bench.seconds} (default 30); p50/p95/p99.</li>
 * <li>Saturation: {@code bench.threads} (default 8) clients as fast as they can for the same time; checks/s.</li>
 * </ol>
 */
public final class CreditCheckBenchmark {

	public static void main(String[] args) throws Exception {
		int customers = Integer.getInteger("bench.customers", 10_000);
		int perCustomer = Integer.getInteger("bench.receivablesPerCustomer", 100);
		int rate = Integer.getInteger("bench.rate", 200);
		int seconds = Integer.getInteger("bench.seconds", 30);
		int threads = Integer.getInteger("bench.threads", 8);
		BenchmarkResult result = new BenchmarkResult("credit-check");
		String url = EmbeddedPostgresConfiguration.newDatabaseUrl();
		ConfigurableApplicationContext app = BenchData.startApp(url, "--spring.datasource.hikari.maximum-pool-size=20");
		try {
			long started = System.nanoTime();
			BenchData.generate(url, customers, perCustomer);
			double generation = (System.nanoTime() - started) / 1e9;
			System.out.printf("credit-check: generated %,d customers and %,d open receivables in %.1f s%n", customers,
					(long) customers * perCustomer, generation);
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			long firstCustomer = BenchData.firstCustomerId(url);
			Client client = new Client(port, firstCustomer, customers);

			runClosedLoop(client, threads, Integer.getInteger("bench.warmupSeconds", 30)); // JIT and pools warm
			Map<String, Object> fixed = runFixedRate(client, rate, seconds);
			fixed.put("database", "postgresql");
			fixed.put("customers", customers);
			fixed.put("openReceivables", (long) customers * perCustomer);
			result.add(fixed);
			Map<String, Object> saturated = runClosedLoop(client, threads, seconds);
			saturated.put("database", "postgresql");
			result.add(saturated);
			result.write();
		}
		finally {
			app.close();
			EmbeddedPostgresConfiguration.stopServer();
		}
	}

	private static Map<String, Object> runFixedRate(Client client, int rate, int seconds) throws Exception {
		int total = rate * seconds;
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>(total));
		AtomicInteger errors = new AtomicInteger();
		ExecutorService workers = Executors.newFixedThreadPool(32);
		long start = System.nanoTime();
		long interval = 1_000_000_000L / rate;
		for (int i = 0; i < total; i++) {
			long due = start + i * interval;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			workers.execute(() -> {
				long latency = client.check();
				if (latency < 0) {
					errors.incrementAndGet();
				}
				else {
					latencies.add(latency);
				}
			});
		}
		workers.shutdown();
		workers.awaitTermination(2, TimeUnit.MINUTES);
		double elapsed = (System.nanoTime() - start) / 1e9;
		Map<String, Object> figures = percentiles(latencies);
		Map<String, Object> scenario = new LinkedHashMap<>();
		scenario.put("scenario", "fixed-rate");
		scenario.put("targetChecksPerSecond", rate);
		scenario.put("checks", latencies.size());
		scenario.put("errors", errors.get());
		scenario.put("achievedChecksPerSecond", Math.round(latencies.size() / elapsed * 10) / 10.0);
		scenario.putAll(figures);
		return scenario;
	}

	private static Map<String, Object> runClosedLoop(Client client, int threads, int seconds) throws Exception {
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger errors = new AtomicInteger();
		AtomicLong end = new AtomicLong(System.nanoTime() + seconds * 1_000_000_000L);
		ExecutorService workers = Executors.newFixedThreadPool(threads);
		long start = System.nanoTime();
		for (int t = 0; t < threads; t++) {
			workers.execute(() -> {
				while (System.nanoTime() < end.get()) {
					long latency = client.check();
					if (latency < 0) {
						errors.incrementAndGet();
					}
					else {
						latencies.add(latency);
					}
				}
			});
		}
		workers.shutdown();
		workers.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
		double elapsed = (System.nanoTime() - start) / 1e9;
		Map<String, Object> scenario = new LinkedHashMap<>();
		scenario.put("scenario", "saturation");
		scenario.put("threads", threads);
		scenario.put("checks", latencies.size());
		scenario.put("errors", errors.get());
		scenario.put("checksPerSecond", Math.round(latencies.size() / elapsed * 10) / 10.0);
		scenario.putAll(percentiles(latencies));
		return scenario;
	}

	private static Map<String, Object> percentiles(List<Long> nanos) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		Map<String, Object> figures = new LinkedHashMap<>();
		for (int p : new int[] { 50, 95, 99 }) {
			long value = sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
			figures.put("p" + p + "Ms", Math.round(value / 10_000.0) / 100.0);
		}
		figures.put("maxMs", sorted.isEmpty() ? 0 : Math.round(sorted.get(sorted.size() - 1) / 10_000.0) / 100.0);
		return figures;
	}

	/** A sales client: a manager checks random orders of random customers. */
	private static final class Client {

		private final HttpClient http = HttpClient.newBuilder().build();

		private final URI uri;

		private final long firstCustomer;

		private final int customers;

		private final String authorization = "Basic "
				+ Base64.getEncoder().encodeToString("clara:demo".getBytes());

		private final AtomicLong orders = new AtomicLong();

		Client(int port, long firstCustomer, int customers) {
			this.uri = URI.create("http://127.0.0.1:" + port + "/api/credit-checks");
			this.firstCustomer = firstCustomer;
			this.customers = customers;
		}

		/** @return the latency in nanoseconds, or -1 on an error */
		long check() {
			long customer = firstCustomer + ThreadLocalRandom.current().nextInt(customers);
			String body = "{\"customerId\":" + customer + ",\"orderReference\":\"BENCH-" + orders.incrementAndGet()
					+ "\",\"amount\":" + (1000 + ThreadLocalRandom.current().nextInt(50_000)) + "}";
			HttpRequest request = HttpRequest.newBuilder(uri)
				.header("Content-Type", "application/json")
				.header("Authorization", authorization)
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build();
			long start = System.nanoTime();
			try {
				HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
				long latency = System.nanoTime() - start;
				return response.statusCode() == 200 ? latency : -1;
			}
			catch (Exception e) {
				return -1;
			}
		}

	}

}
