package com.creditdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

class FeelExpressionCacheTests {

	/** An input expression, three unary tests and three outputs: seven FEEL expressions. */
	private static final String BAND = """
			<?xml version="1.0" encoding="UTF-8"?>
			<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="bandDefinitions" name="band" namespace="test">
			  <decision id="band" name="Band">
			    <decisionTable id="table">
			      <input id="in"><inputExpression id="inExpr" typeRef="double"><text>amount * 2</text></inputExpression></input>
			      <output id="out" name="band" typeRef="string" />
			      <rule id="r1"><inputEntry id="e1"><text>&lt; 100</text></inputEntry><outputEntry id="o1"><text>"low"</text></outputEntry></rule>
			      <rule id="r2"><inputEntry id="e2"><text>[100..200]</text></inputEntry><outputEntry id="o2"><text>"mid"</text></outputEntry></rule>
			      <rule id="r3"><inputEntry id="e3"><text>&gt; 200</text></inputEntry><outputEntry id="o3"><text>"high"</text></outputEntry></rule>
			    </decisionTable>
			  </decision>
			</definitions>
			""";

	@Test
	void eachExpressionIsParsedOnceAndEveryEvaluationStillSeesItsOwnInputs() {
		DefaultDmnEngineConfiguration cached = FeelExpressionCache
			.configure((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration());
		DmnEngine withCache = cached.buildEngine();
		DmnEngine asShipped = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		DmnDecision decision = decision(withCache);
		DmnDecision reference = decision(asShipped);

		List<Object> bands = new ArrayList<>();
		for (double amount : new double[] { 10, 49.9, 50, 75, 100, 100.5, 250, 10, 75 }) {
			Object band = withCache.evaluateDecisionTable(decision, Variables.putValue("amount", amount))
				.getSingleEntry();
			assertThat(band).as("amount %s", amount)
				.isEqualTo(asShipped.evaluateDecisionTable(reference, Variables.putValue("amount", amount))
					.getSingleEntry());
			bands.add(band);
		}
		assertThat(bands).containsExactly("low", "low", "mid", "mid", "mid", "high", "high", "low", "mid");
		assertThat(((FeelExpressionCache.ParsingOnce) cached.getFeelEngine()).parsedExpressions())
			.as("1 input expression, 3 input entries, 3 output entries; not one per evaluation")
			.isEqualTo(7);
	}

	@Test
	void withTheLegacyFeelBehaviourTheEngineKeepsItsLegacyFeel() {
		DefaultDmnEngineConfiguration legacy = FeelExpressionCache
			.configure((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration());
		legacy.setEnableFeelLegacyBehavior(true);
		legacy.buildEngine();
		assertThat(legacy.getFeelEngine()).isNotInstanceOf(FeelExpressionCache.ParsingOnce.class)
			.isInstanceOf(org.camunda.bpm.dmn.feel.impl.juel.FeelEngineImpl.class);
	}

	@Test
	void anExpressionThatDoesNotParseFailsAsBeforeEveryTimeAndIsNotKept() {
		DefaultDmnEngineConfiguration cached = FeelExpressionCache
			.configure((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration());
		cached.buildEngine();
		FeelExpressionCache.ParsingOnce feel = (FeelExpressionCache.ParsingOnce) cached.getFeelEngine();
		for (int i = 0; i < 2; i++) {
			assertThatThrownBy(() -> feel.evaluateSimpleUnaryTests("< < 3", "amount",
					Variables.putValue("amount", 1).asVariableContext()))
				.hasMessageContaining("failed to parse expression '< < 3'");
		}
		assertThat(feel.parsedExpressions()).isZero();
	}

	private static DmnDecision decision(DmnEngine engine) {
		return engine.parseDecision("band", new ByteArrayInputStream(BAND.getBytes(StandardCharsets.UTF_8)));
	}

}
