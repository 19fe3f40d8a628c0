package com.creditdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Report reads other capabilities' data only through the read models they publish (the views of
 * {@code V14__published_read_models.sql}), never their tables.
 */
class ReadModelBoundaryTests {

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	/** A relation after FROM or JOIN, or after a comma in a FROM list ({@code FROM a, customer c}). */
	private static final Pattern READ = Pattern.compile("(?:\\b(?:FROM|JOIN)|,)\\s+([a-z_]+)\\b", Pattern.CASE_INSENSITIVE);

	@Test
	void reportNamesNoTableOnlyPublishedViews() throws IOException {
		Set<String> tables = declared("CREATE TABLE");
		Set<String> views = declared("CREATE VIEW");
		assertThat(tables).contains("receivable", "customer", "credit_decision", "bad_debt_liability");
		assertThat(views).contains("receivable_items", "customer_directory", "approval_decisions");

		Set<String> read = new TreeSet<>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java/com/creditdesk/report"))) {
			for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
				read.addAll(relations(sqlOf(Files.readString(source))));
			}
		}
		read.retainAll(union(tables, views));
		assertThat(read).as("relations report's SQL reads").isNotEmpty().doesNotContainAnyElementsOf(tables);
		assertThat(views).containsAll(read);
	}

	@Test
	void theCheckFindsATableReadDirectly() {
		assertThat(relations("\"SELECT sum(amount) FROM receivable r JOIN customer_directory c ON c.id = r.customer_id\""))
			.contains("receivable", "customer_directory");
		assertThat(relations("\"SELECT 1 FROM receivable_items r, customer c WHERE c.id = r.customer_id\""))
			.contains("receivable_items", "customer");
	}

	/** The string literals and text blocks of a source file: where its SQL is (comments and code are not). */
	private static String sqlOf(String source) {
		StringBuilder sql = new StringBuilder();
		Matcher literal = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL)
			.matcher(source);
		while (literal.find()) {
			sql.append(literal.group(1) != null ? literal.group(1) : literal.group(2)).append("\n;\n"); // literals apart
		}
		return sql.toString();
	}

	private static Set<String> relations(String source) {
		Set<String> names = new TreeSet<>();
		Matcher matcher = READ.matcher(source);
		while (matcher.find()) {
			names.add(matcher.group(1).toLowerCase());
		}
		return names;
	}

	private static Set<String> declared(String statement) throws IOException {
		Set<String> names = new TreeSet<>();
		Pattern pattern = Pattern.compile(statement + "\\s+(?:IF NOT EXISTS\\s+)?([a-z_]+)", Pattern.CASE_INSENSITIVE);
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			for (Path file : files.toList()) {
				Matcher matcher = pattern.matcher(Files.readString(file));
				while (matcher.find()) {
					names.add(matcher.group(1).toLowerCase());
				}
			}
		}
		return names;
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		Set<String> all = new TreeSet<>(a);
		all.addAll(b);
		return all;
	}

}
