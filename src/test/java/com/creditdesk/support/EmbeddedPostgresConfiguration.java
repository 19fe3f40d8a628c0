package com.creditdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Real PostgreSQL for the {@code pgtest} profile: binaries from Maven Central (io.zonky.test), one server per
 * test JVM, a fresh database per Spring context. The server stops when the last context using it closes (not in
 * a JVM shutdown hook, which would race with Spring closing its contexts).
 */
@Configuration(proxyBeanMethods = false)
@Profile("pgtest")
public class EmbeddedPostgresConfiguration {

	private static EmbeddedPostgres server;

	private static int databases;

	private static int openDataSources;

	static synchronized EmbeddedPostgres server() {
		if (server == null) {
			try {
				server = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
			}
			catch (IOException e) {
				throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
			}
		}
		return server;
	}

	/** A JDBC URL to a new, empty database on the shared server (for tests outside Spring). */
	public static synchronized String newDatabaseUrl() throws Exception {
		EmbeddedPostgres postgres = server();
		String database = "creditdesk" + (++databases);
		try (var connection = postgres.getPostgresDatabase().getConnection();
				var statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + database);
		}
		return postgres.getJdbcUrl("postgres", database);
	}

	/** Stops the shared server (for programs outside Spring, such as the benchmarks). */
	public static synchronized void stopServer() throws IOException {
		if (server != null) {
			server.close();
			server = null;
		}
	}

	@Bean
	@Primary
	DataSource dataSource() throws Exception {
		String url = newDatabaseUrl();
		synchronized (EmbeddedPostgresConfiguration.class) {
			openDataSources++;
		}
		HikariDataSource dataSource = DataSourceBuilder.create()
			.type(ClosingDataSource.class)
			.url(url)
			.username("postgres")
			.password("postgres")
			.build();
		return dataSource;
	}

	/** Closes the shared server once the last Spring context's pool is closed. */
	public static class ClosingDataSource extends HikariDataSource {

		@Override
		public void close() {
			super.close();
			synchronized (EmbeddedPostgresConfiguration.class) {
				if (--openDataSources == 0 && server != null) {
					try {
						server.close();
					}
					catch (IOException ignored) {
						// the server is going away anyway
					}
					server = null;
				}
			}
		}

	}

}
