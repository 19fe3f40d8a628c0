package com.creditdesk.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The statement figures, terms and twelve ratings are defined once ({@code forms/shared/statement-fields.json}): every
 * form that asks for them has each field exactly as defined (its id and layout are the form's own), and the
 * definition names every figure and rating the server reads.
 */
class StatementFieldsTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final JsonNode DEFINITION = read(Path.of("forms/shared/statement-fields.json"));

	private static JsonNode read(Path path) {
		try {
			return JSON.readTree(path.toFile());
		}
		catch (IOException e) {
			throw new IllegalStateException(path + ": " + e.getMessage(), e);
		}
	}

	/**
	 * The form's fields by key, without what each form chooses itself (id, layout, and its custom properties: whether
	 * the process keeps a field as a variable).
	 */
	private static Map<String, JsonNode> fields(JsonNode components, Map<String, JsonNode> into) {
		for (JsonNode component : components) {
			if (component.has("key")) {
				ObjectNode field = component.deepCopy();
				field.remove(List.of("id", "layout", "properties"));
				into.put(component.get("key").asText(), field);
			}
			if (component.has("components")) {
				fields(component.get("components"), into);
			}
		}
		return into;
	}

	@Test
	void everyFormThatAsksForTheStatementHasEachFieldAsDefined() {
		Map<String, JsonNode> defined = fields(DEFINITION.get("fields"), new HashMap<>());
		assertThat(defined).hasSizeGreaterThan(30);
		List<String> differences = new ArrayList<>();
		for (JsonNode name : DEFINITION.get("forms")) {
			Path form = Path.of("forms", name.asText() + ".form");
			Map<String, JsonNode> asked = fields(read(form).get("components"), new HashMap<>());
			defined.forEach((key, field) -> {
				if (!asked.containsKey(key)) {
					differences.add(form + " does not ask for " + key);
				}
				else if (!asked.get(key).equals(field)) {
					differences.add(form + ": " + key + " is " + asked.get(key) + ", defined as " + field);
				}
			});
		}
		assertThat(differences).as("forms that differ from forms/shared/statement-fields.json").isEmpty();
	}

	@Test
	void theDefinitionNamesEveryFigureAndRatingTheServerReads() {
		Set<String> keys = new TreeSet<>(fields(DEFINITION.get("fields"), new HashMap<>()).keySet());
		for (var component : FinancialStatement.class.getRecordComponents()) {
			assertThat(keys).as("statement figure").contains(component.getName());
		}
		for (QualitativeItem item : QualitativeItem.values()) {
			assertThat(keys).as(item.name()).contains(item.ratingKey(), item.noteKey());
		}
	}

}
