package com.creditdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** No class grows past about 300 lines without saying why in its javadoc. */
class ClassSizeTests {

	private static final int LIMIT = 300;

	@Test
	void everyClassLongerThan300LinesSaysWhy() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			List<String> unexplained = files.filter(path -> path.toString().endsWith(".java")).filter(path -> {
				try {
					List<String> lines = Files.readAllLines(path);
					return lines.size() > LIMIT
							&& lines.stream().noneMatch(line -> line.contains("Longer than 300 lines on purpose"));
				}
				catch (IOException e) {
					throw new IllegalStateException(e);
				}
			}).map(Path::toString).sorted().toList();
			assertThat(unexplained).as("classes over " + LIMIT + " lines without \"Longer than 300 lines on purpose: "
					+ "<why>\" in their javadoc").isEmpty();
		}
	}

}
