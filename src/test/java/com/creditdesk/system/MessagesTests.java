package com.creditdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The two message bundles say the same things: the same keys, each with the same placeholders, the Chinese one in
 * Chinese, every pattern valid for {@link MessageFormat}; and every key the code asks {@link Messages} for exists in
 * both.
 */
class MessagesTests {

	private static final Path BUNDLES = Path.of("src/main/resources/i18n");

	private static final Path SOURCES = Path.of("src/main/java");

	/** {@code {0}}, {@code {1,number}}: the argument's index. */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

	/** {@code Messages.text("key"} or {@code Messages.text(locale, "key"}, across line breaks. */
	private static final Pattern KEY_USE = Pattern
		.compile("Messages\\.text\\(\\s*(?:[A-Za-z_][\\w.]*(?:\\([^()]*\\))?\\s*,\\s*)?\"([^\"]+)\"");

	private static Map<String, String> bundle(String file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(BUNDLES.resolve(file), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		Map<String, String> messages = new TreeMap<>();
		properties.forEach((key, value) -> messages.put((String) key, (String) value));
		return messages;
	}

	private static Map<String, String> chinese() throws IOException {
		return bundle("messages.properties");
	}

	private static Map<String, String> english() throws IOException {
		return bundle("messages_en.properties");
	}

	private static Set<Integer> placeholders(String pattern) {
		Set<Integer> indexes = new TreeSet<>();
		Matcher matcher = PLACEHOLDER.matcher(pattern);
		while (matcher.find()) {
			indexes.add(Integer.valueOf(matcher.group(1)));
		}
		return indexes;
	}

	@Test
	void bothLanguagesHaveTheSameKeys() throws IOException {
		assertThat(chinese()).isNotEmpty();
		assertThat(english().keySet()).isEqualTo(chinese().keySet());
	}

	@Test
	void eachKeyHasTheSamePlaceholdersInBothLanguages() throws IOException {
		Map<String, String> english = english();
		List<String> differing = new ArrayList<>();
		chinese().forEach((key, chinese) -> {
			if (english.containsKey(key) && !placeholders(chinese).equals(placeholders(english.get(key)))) {
				differing.add(key + ": " + chinese + " | " + english.get(key));
			}
		});
		assertThat(differing).isEmpty();
	}

	@Test
	void theBaseBundleIsChinese() throws IOException {
		// a Han character, or at least Chinese punctuation for a pattern such as "{0}：{1}"
		Pattern chinese = Pattern.compile("[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF]");
		List<String> notChinese = chinese().entrySet()
			.stream()
			.filter(message -> !chinese.matcher(message.getValue()).find())
			.map(Map.Entry::toString)
			.toList();
		assertThat(notChinese).isEmpty();
	}

	@Test
	void everyPatternIsValidAndQuotesItsApostrophes() throws IOException {
		List<String> wrong = new ArrayList<>();
		for (Map<String, String> bundle : List.of(chinese(), english())) {
			bundle.forEach((key, pattern) -> {
				try {
					new MessageFormat(pattern);
				}
				catch (IllegalArgumentException e) {
					wrong.add(key + ": " + e.getMessage());
				}
				if (pattern.replace("''", "").contains("'")) {
					wrong.add(key + ": a single quote must be written twice: " + pattern);
				}
			});
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void everyKeyTheCodeUsesExistsInBothLanguages() throws IOException {
		Set<String> used = new TreeSet<>();
		List<String> notLiteral = new ArrayList<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
				String source = Files.readString(file, StandardCharsets.UTF_8);
				Matcher matcher = KEY_USE.matcher(source);
				while (matcher.find()) {
					used.add(matcher.group(1));
				}
				// every call names its key as a literal, so that this test sees it
				long calls = Pattern.compile("Messages\\.text\\(").matcher(source).results().count();
				long literal = KEY_USE.matcher(source).results().count();
				if (calls != literal) {
					notLiteral.add(file + ": " + (calls - literal) + " call(s) without a literal key");
				}
			}
		}
		assertThat(used).hasSizeGreaterThan(100);
		assertThat(notLiteral).isEmpty();
		Set<String> missingInChinese = new TreeSet<>(used);
		missingInChinese.removeAll(chinese().keySet());
		Set<String> missingInEnglish = new TreeSet<>(used);
		missingInEnglish.removeAll(english().keySet());
		assertThat(missingInChinese).as("keys missing in messages.properties").isEmpty();
		assertThat(missingInEnglish).as("keys missing in messages_en.properties").isEmpty();
	}

	@Test
	void answersInTheAskedLanguageWithTheArgumentsAsGiven() {
		assertThat(Messages.text(Locale.ENGLISH, "customer.notFound", "12345"))
			.isEqualTo("Customer 12345 does not exist.");
		assertThat(Messages.text(Locale.SIMPLIFIED_CHINESE, "customer.notFound", "12345")).isEqualTo("客户 12345 不存在。");
		assertThat(Messages.text(Locale.ENGLISH, "label.contactName")).isEqualTo("The contact's name");
		assertThatCode(() -> Messages.text(Locale.ENGLISH, "no.suchKey"))
			.isInstanceOf(org.springframework.context.NoSuchMessageException.class);
	}

}
