package com.creditdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * CreditDesk's Simplified Chinese for Camunda's webapps ({@code locales/zh.json}; the
 * webjar ships only English and German) against the webjar's own English file: every key translated, placeholders and
 * markup kept, nothing left in English by accident. A Camunda upgrade that adds a key fails here.
 */
class WebappLocaleTests {

	private static final String BASE = "/META-INF/resources/webjars/camunda/app/";

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*\\}\\}");

	private static final ObjectMapper JSON = new ObjectMapper();

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "welcome", "cockpit", "admin" })
	void everyEnglishKeyHasAChineseTextWithTheSamePlaceholders(String app) throws IOException {
		Map<String, Object> english = labels(app, "en");
		Map<String, Object> chinese = labels(app, "zh");

		assertThat(chinese.keySet()).as("keys of %s/locales/zh.json", app).isEqualTo(english.keySet());
		List<String> problems = new ArrayList<>();
		english.forEach((key, value) -> {
			String en = String.valueOf(value);
			String zh = String.valueOf(chinese.get(key));
			if (zh.isBlank() && !en.isBlank() && !en.equals("s")) { // an English plural "s" has no Chinese counterpart
				problems.add(key + ": empty");
			}
			if (!placeholders(en).equals(placeholders(zh))) {
				problems.add(key + ": placeholders " + placeholders(en) + " became " + placeholders(zh));
			}
			// left as they are on purpose: product names, literals and data type names
			if (en.replaceAll("<[^>]*>|\\{\\{[^}]*\\}\\}", "").matches(".*[a-z]{4,}.*") && zh.equals(en)
					&& !en.matches("(?i).*(camunda|tasklist|cockpit|admin|optimize|bpmn|dmn|json|ctrl|null|requestpayload).*")
					&& !en.matches("(?i)short|string|integer|long|double|boolean|date|object|bytes|file")) {
				problems.add(key + ": still English ('" + en + "')");
			}
		});
		assertThat(problems).as("%s/locales/zh.json", app).isEmpty();
	}

	private static List<String> placeholders(String text) {
		List<String> found = new ArrayList<>();
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group().replace(" ", ""));
		}
		found.sort(null);
		return found;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> labels(String app, String locale) throws IOException {
		try (InputStream in = WebappLocaleTests.class.getResourceAsStream(BASE + app + "/locales/" + locale + ".json")) {
			assertThat(in).as(app + "/locales/" + locale + ".json").isNotNull();
			byte[] bytes = in.readAllBytes();
			int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef ? 3 : 0; // the webjar's files carry a BOM
			Map<String, Object> file = JSON.readValue(new String(bytes, start, bytes.length - start,
					java.nio.charset.StandardCharsets.UTF_8), new TypeReference<Map<String, Object>>() {
					});
			return (Map<String, Object>) file.get("labels");
		}
	}

}
