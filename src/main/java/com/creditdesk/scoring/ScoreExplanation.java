package com.creditdesk.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Service;

import com.creditdesk.system.Money;

/**
 * Why a credit file scored what it did (评分说明), worked out by evaluating the deployed scorecard itself: each of
 * the four ratios and twelve ratings with the points it earned against the most it could earn, sorted by points
 * lost; the nearest value of a ratio that earns more ("quick ratio 0.95 → 1.00 adds 3 points"); the score the next
 * grade needs; and the suggested limit one grade up. Nothing here repeats a threshold or a point value: the
 * candidate values come from the numbers in the rules' tests, and every figure is the decision's own answer for
 * them, so a changed scorecard changes the explanation. Which rule gave which points comes from the engine's own
 * evaluation event (the matching rules), never from reading the numbers. The decisions are the versions that scored
 * the file (recorded on it), evaluated by a DMN engine of its own, so no decision history is written.
 * <p>
 * Longer than 300 lines on purpose: it evaluates the deployed scorecard item by item (ratios, ratings, next band,
 * next grade's limit); the steps share the evaluation context and are read together.
 */
@Service
public class ScoreExplanation {

	static final String SCORE = "credit-score";

	static final String GRADE = "credit-grade";

	static final String LIMIT = "suggested-limit";

	/** The score's input that sums the twelve ratings. */
	static final String QUALITATIVE = "qualitativePoints";

	/** Ratio inputs shown as percentages. */
	private static final java.util.Set<String> PERCENT = java.util.Set.of("debtToAssetRatio", "netProfitMargin");

	private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

	private static final Pattern VERSION = Pattern.compile("\\((%s:[^)]+)\\)");

	private static final double EPSILON = 0.0001;

	private final RepositoryService repository;

	private final org.camunda.bpm.engine.IdentityService identity;

	/** Built on the first explanation, not at start. */
	private final com.creditdesk.system.Lazy<DmnEngine> dmn;

	/** The matching rules of the last decision-table evaluation on this thread. */
	private final ThreadLocal<DmnDecisionTableEvaluationEvent> lastEvaluation = new ThreadLocal<>();

	private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

	private final Map<String, Pattern> versionPatterns = new ConcurrentHashMap<>();

	ScoreExplanation(ProcessEngine engine) {
		this.repository = engine.getRepositoryService();
		this.identity = engine.getIdentityService();
		this.dmn = com.creditdesk.system.Lazy.of(() -> {
			DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
				.createDefaultDmnEngineConfiguration();
			configuration.customPostDecisionTableEvaluationListeners(List.of(lastEvaluation::set));
			return com.creditdesk.system.FeelExpressionCache.configure(configuration).buildEngine();
		});
	}

	/** One scored item: a ratio or a rating, with what it earned and what would earn more. */
	public record Item(String key, String label, String value, int points, int maxPoints, String nextStep) {

		public int lost() {
			return maxPoints - points;
		}

	}

	/**
	 * @param nextGrade the grade a higher score reaches ({@code null} at the top), with the points it needs
	 * @param suggestedLimitOneGradeUp the suggested limit at {@code nextGrade}, the rest of the file unchanged
	 */
	public record Explanation(long creditFileId, int score, String grade, List<Item> items, String nextGrade,
			Integer pointsToNextGrade, BigDecimal suggestedLimit, BigDecimal suggestedLimitOneGradeUp, String decisions) {

		/** A few lines for a form: the items that lost points, then the next grade. */
		public String text() {
			StringBuilder text = new StringBuilder();
			for (Item item : items) {
				if (item.lost() > 0) {
					text.append(item.label()).append(": ").append(item.points()).append("/").append(item.maxPoints())
						.append(" 分 points").append(item.nextStep() == null ? "" : "；" + item.nextStep()).append('\n');
				}
			}
			if (nextGrade != null) {
				text.append("再得 ").append(pointsToNextGrade).append(" 分可升为 ").append(nextGrade)
					.append(" (").append(pointsToNextGrade).append(" more points for grade ").append(nextGrade).append(")");
				if (suggestedLimitOneGradeUp != null) {
					text.append("，建议额度 suggested limit ").append(Money.format(suggestedLimitOneGradeUp));
				}
			}
			return text.toString().strip();
		}

	}

	/** @param ruleInput the input each rule tests, by rule id ({@link #QUALITATIVE} for a rule that tests none) */
	/**
	 * @param points the points of an input's rule at a value ("quickRatio=0.95"), as evaluated: each rule of the
	 *        scorecard tests one input, so they do not depend on the others (a deployed decision never changes)
	 * @param grades the grade at a score, as evaluated
	 */
	private record Parsed(DmnDecision decision, List<String> inputs, Map<String, List<String>> entries,
			Map<String, String> labels, Map<String, String> ruleInput, Map<String, Integer> points,
			Map<Integer, String> grades) {
	}

	/** The explanation of a scored credit file (its ratios, ratings and the decisions that scored it). */
	public Explanation explain(ScoredFile file) {
		return explain(file, file.getDecisionVersions() == null ? "" : file.getDecisionVersions());
	}

	/** As {@link #explain(ScoredFile)}, with the decisions named in {@code versions} (none named: the latest). */
	Explanation explain(ScoredFile file, String versions) {
		if (file.getCreditScore() == null || file.getRatios().quickRatio() == null) {
			throw new IllegalStateException("credit file " + file.getId() + " is not scored yet");
		}
		Parsed score = decision(SCORE, versions);
		Parsed grade = decision(GRADE, versions);
		FinancialRatios ratios = file.getRatios();
		int ratingSum = file.getRatings().values().stream().mapToInt(Rating::value).sum();
		Map<String, Object> actual = new java.util.HashMap<>(Map.of("quickRatio", ratios.quickRatio().doubleValue(),
				"debtToAssetRatio", ratios.debtToAssetRatio().doubleValue(), "assetTurnover",
				ratios.assetTurnover().doubleValue(), "netProfitMargin", ratios.netProfitMargin().doubleValue(),
				QUALITATIVE, ratingSum));

		List<Item> items = new ArrayList<>();
		for (String input : score.inputs()) {
			if (input.equals(QUALITATIVE) || !actual.containsKey(input)) {
				continue;
			}
			items.add(ratioItem(score, actual, input, ((Number) actual.get(input)).doubleValue()));
		}
		// the ratings count through their sum: what one rating point is worth, as the scorecard says
		int perRatingPoint = points(score, actual, QUALITATIVE, ratingSum + 1, true)
				- points(score, actual, QUALITATIVE, ratingSum, true);
		for (QualitativeItem item : QualitativeItem.values()) {
			Rating rating = file.getRatings().get(item);
			int value = rating == null ? 0 : rating.value();
			items.add(new Item(item.ratingKey(), item.label(), String.valueOf(value), value * perRatingPoint,
					5 * perRatingPoint, value < 5 ? "评分 " + value + " → " + (value + 1) + " 加 " + perRatingPoint
							+ " 分 (rating " + value + " → " + (value + 1) + " adds " + perRatingPoint + ")" : null));
		}
		items.sort(Comparator.comparingInt(Item::lost).reversed());

		int current = file.getCreditScore();
		String currentGrade = gradeOf(grade, current);
		String nextGrade = null;
		Integer needed = null;
		for (int s = current + 1; s <= 100; s++) {
			String g = gradeOf(grade, s);
			if (!g.equals(currentGrade)) {
				nextGrade = g;
				needed = s - current;
				break;
			}
		}
		BigDecimal oneUp = nextGrade == null ? null : suggestedLimit(versions, file, nextGrade);
		return new Explanation(file.getId(), current, currentGrade, items, nextGrade, needed, file.getSuggestedLimit(),
				oneUp, score.decision().getKey() + ", " + grade.decision().getKey() + " " + describe(versions));
	}

	private Item ratioItem(Parsed score, Map<String, Object> actual, String input, double value) {
		int points = points(score, actual, input, value, false);
		// the values where the scorecard can change its answer: the numbers in the tests, just below and above them
		TreeSet<Double> candidates = new TreeSet<>();
		for (String entry : score.entries().get(input)) {
			Matcher numbers = NUMBER.matcher(entry);
			while (numbers.find()) {
				double n = Double.parseDouble(numbers.group());
				candidates.add(n);
				candidates.add(n - EPSILON);
				candidates.add(n + EPSILON);
			}
		}
		int max = points;
		Double better = null;
		int betterPoints = points;
		for (double candidate : candidates) {
			int p = points(score, actual, input, candidate, true);
			max = Math.max(max, p);
			if (p > points && (better == null || Math.abs(candidate - value) < Math.abs(better - value)
					|| (Math.abs(candidate - value) == Math.abs(better - value) && p > betterPoints))) {
				better = candidate;
				betterPoints = p;
			}
		}
		String label = score.labels().getOrDefault(input, input);
		String next = better == null ? null
				: label + " " + format(input, value) + " → " + format(input, better) + " 加 " + (betterPoints - points)
						+ " 分 (adds " + (betterPoints - points) + ")";
		return new Item(input, label, format(input, value), points, max, next);
	}

	private static String format(String input, double value) {
		if (PERCENT.contains(input)) {
			return BigDecimal.valueOf(value * 100).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %";
		}
		return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

	/** The points the scorecard's rule for {@code input} gives at {@code value}, the other inputs as they are. */
	/** Cached for the values the rules name (bounded by the decision's size), evaluated for a file's own values. */
	private int points(Parsed score, Map<String, Object> actual, String input, double value, boolean candidate) {
		return candidate
				? score.points().computeIfAbsent(input + "=" + value, key -> evaluatePoints(score, actual, input, value))
				: evaluatePoints(score, actual, input, value);
	}

	private int evaluatePoints(Parsed score, Map<String, Object> actual, String input, double value) {
		VariableMap variables = Variables.createVariables();
		actual.forEach(variables::putValue);
		variables.putValue(input, input.equals(QUALITATIVE) ? (Object) (int) value : (Object) value);
		dmn.get().evaluateDecision(score.decision(), variables);
		DmnDecisionTableEvaluationEvent evaluation = lastEvaluation.get();
		lastEvaluation.remove();
		int points = 0;
		for (DmnEvaluatedDecisionRule rule : evaluation.getMatchingRules()) {
			if (input.equals(score.ruleInput().get(rule.getId()))) {
				Object output = rule.getOutputEntries().values().iterator().next().getValue().getValue();
				points += output == null ? 0 : ((Number) output).intValue();
			}
		}
		return points;
	}

	private String gradeOf(Parsed grade, int score) {
		return grade.grades().computeIfAbsent(score, s -> evaluateGrade(grade, s));
	}

	private String evaluateGrade(Parsed grade, int score) {
		try {
			return (String) dmn.get()
				.evaluateDecision(grade.decision(), Variables.createVariables().putValue("creditScore", score))
				.getSingleResult()
				.getEntry("creditGrade");
		}
		finally {
			lastEvaluation.remove();
		}
	}

	private BigDecimal suggestedLimit(String versions, ScoredFile file, String grade) {
		Parsed limit = decision(LIMIT, versions);
		Object result = dmn.get().evaluateDecision(limit.decision(), Variables.createVariables()
			.putValue("creditGrade", grade)
			.putValue("expectedMonthlyPurchases", file.getExpectedMonthlyPurchases().doubleValue())
			.putValue("paymentTermDays", file.getPaymentTermDays())
			.putValue("netWorth", file.getRatios().netWorth().doubleValue())).getSingleResult().getEntry("suggestedLimit");
		lastEvaluation.remove();
		return result == null ? null : Money.of(((Number) result).doubleValue());
	}

	/**
	 * The decision version recorded on the file ("credit-score v3 (credit-score:3:abc)"), else the latest; read as
	 * the system (a rep may read the explanation without rights on the decision definitions).
	 */
	private Parsed decision(String key, String versions) {
		String recorded = recordedId(key, versions);
		// a deployed decision never changes: one read already is the version the file names
		Parsed known = recorded == null ? null : parsed.get(recorded);
		return known != null ? known
				: com.creditdesk.system.SystemActions.asSystem(identity, () -> definition(key, recorded));
	}

	/** The id of {@code key}'s version named in {@code versions}, or null. */
	private String recordedId(String key, String versions) {
		Matcher recorded = versionPatterns
			.computeIfAbsent(key, k -> Pattern.compile(String.format(VERSION.pattern(), Pattern.quote(k))))
			.matcher(versions);
		return recorded.find() ? recorded.group(1) : null;
	}

	private Parsed definition(String key, String recorded) {
		String id = recorded;
		if (id != null && repository.createDecisionDefinitionQuery().decisionDefinitionId(id).count() == 0) {
			id = null;
		}
		if (id == null) {
			DecisionDefinition latest = repository.createDecisionDefinitionQuery()
				.decisionDefinitionKey(key)
				.latestVersion()
				.singleResult();
			id = latest.getId();
		}
		return parsed.computeIfAbsent(id, definitionId -> parse(key, definitionId));
	}

	private Parsed parse(String key, String definitionId) {
		byte[] xml;
		try (java.io.InputStream model = repository.getDecisionModel(definitionId)) {
			xml = model.readAllBytes();
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException("cannot read decision " + definitionId, e);
		}
		DmnModelInstance model = Dmn.readModelFromStream(new java.io.ByteArrayInputStream(xml));
		DecisionTable table = model.getModelElementsByType(DecisionTable.class)
			.stream()
			.filter(t -> ((org.camunda.bpm.model.dmn.instance.Decision) t.getParentElement()).getId().equals(key))
			.findFirst()
			.orElseThrow();
		List<String> inputs = table.getInputs()
			.stream()
			.map(input -> input.getInputExpression().getText().getTextContent().trim())
			.toList();
		Map<String, List<String>> entries = new java.util.HashMap<>();
		Map<String, String> labels = new java.util.HashMap<>();
		Map<String, String> ruleInput = new java.util.HashMap<>();
		for (Rule rule : table.getRules()) {
			List<org.camunda.bpm.model.dmn.instance.InputEntry> tests = new ArrayList<>(rule.getInputEntries());
			String tested = QUALITATIVE;
			for (int i = 0; i < tests.size(); i++) {
				String text = tests.get(i).getText().getTextContent().trim();
				if (!text.equals("-") && !text.isEmpty()) {
					tested = inputs.get(i);
					break;
				}
			}
			ruleInput.put(rule.getId(), tested);
		}
		List<Input> inputElements = new ArrayList<>(table.getInputs());
		for (int i = 0; i < inputs.size(); i++) {
			List<String> texts = new ArrayList<>();
			for (Rule rule : table.getRules()) {
				String text = new ArrayList<>(rule.getInputEntries()).get(i).getText().getTextContent().trim();
				if (!text.equals("-") && !text.isEmpty()) {
					texts.add(text);
				}
			}
			entries.put(inputs.get(i), texts);
			if (inputElements.get(i).getLabel() != null) {
				labels.put(inputs.get(i), inputElements.get(i).getLabel());
			}
		}
		// the decision's own table alone: the grade is asked for a given score, not for the score its requirement
		// (credit-score) would compute from the file
		org.camunda.bpm.model.dmn.instance.Decision element = model.getModelElementById(key);
		new ArrayList<>(element.getInformationRequirements()).forEach(element::removeChildElement);
		DmnDecision decision = dmn.get().parseDecision(key, model);
		return new Parsed(decision, inputs, entries, labels, ruleInput, new ConcurrentHashMap<>(),
				new ConcurrentHashMap<>());
	}

	private static String describe(String versions) {
		Matcher m = Pattern.compile("credit-score v\\d+").matcher(versions);
		return m.find() ? "(" + m.group() + ")" : "(latest)";
	}

}
