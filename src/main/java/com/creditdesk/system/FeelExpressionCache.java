package com.creditdesk.system;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;
import org.camunda.feel.valuemapper.ValueMapper.CompositeValueMapper;
import org.springframework.stereotype.Component;

import camundajar.impl.scala.util.Either;

/**
 * Each FEEL expression of a decision (an input expression, a rule's input entry, an output entry) is parsed once, not
 * on every evaluation. Camunda's FEEL integration hands the expression's text to the FEEL engine each time, which
 * parses it anew (feel-scala#1149): a sixth of the time a credit investigation's start takes ({@code bench/run
 * workflow} with a JFR profile). Parsing depends on the text alone, and a parsed expression is immutable, so the
 * parsed form is kept by its text and evaluated against each evaluation's own variables. An expression that does
 * not parse is not kept: it fails with the engine's own message every time, as before.
 * <p>
 * The process engine's DMN engine gets this FEEL engine (a plugin); the DMN engines CreditDesk builds for itself
 * (the score explanation, the policy simulation, the key-account classification) take it through {@link #configure}
 * or {@link #newDmnEngine}. The policy validator does not: it parses a candidate's expressions to find the ones that
 * do not parse.
 */
@Component
public class FeelExpressionCache extends AbstractProcessEnginePlugin {

	/**
	 * More distinct expressions of one kind (expressions, or unary tests) than this, from many policy versions deployed
	 * over the years, start that kind's cache afresh.
	 */
	static final int MAX_EXPRESSIONS = 20_000;

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configure(dmnEngineConfiguration(configuration));
	}

	/**
	 * The process engine's DMN engine configuration, created (the engine's default) if no plugin has set one yet, for
	 * the plugins that add to it whatever their order.
	 */
	static DefaultDmnEngineConfiguration dmnEngineConfiguration(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getDmnEngineConfiguration() == null) {
			configuration.setDmnEngineConfiguration(
					(DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration());
		}
		return configuration.getDmnEngineConfiguration();
	}

	/**
	 * Gives {@code dmn} the FEEL engine that parses each expression once. The engine is created when the DMN engine is
	 * built, with the custom FEEL functions configured by then.
	 */
	public static DefaultDmnEngineConfiguration configure(DefaultDmnEngineConfiguration dmn) {
		dmn.setFeelEngineFactory(new Factory(dmn));
		return dmn;
	}

	/** A DMN engine of its own (not the process engine's) whose FEEL engine parses each expression once. */
	public static DmnEngine newDmnEngine() {
		return configure((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration())
			.buildEngine();
	}

	/**
	 * The engine's FEEL engine, as the DMN engine would choose it: the legacy JUEL-based one if
	 * {@code dmnFeelEnableLegacyBehavior} is set (a factory given to the configuration is used whatever that flag says,
	 * so this one honours it), else Camunda's Scala FEEL engine keeping what it parsed.
	 */
	private record Factory(DefaultDmnEngineConfiguration dmn) implements FeelEngineFactory {

		@Override
		public FeelEngine createInstance() {
			return dmn.isEnableFeelLegacyBehavior()
					? new org.camunda.bpm.dmn.feel.impl.juel.FeelEngineFactoryImpl().createInstance()
					: new ParsingOnce(dmn.getFeelCustomFunctionProviders());
		}

	}

	/** Camunda's FEEL engine with its value mappers and functions, over a FEEL engine that keeps what it parsed. */
	static final class ParsingOnce extends ScalaFeelEngine {

		ParsingOnce(List<FeelCustomFunctionProvider> functionProviders) {
			super(functionProviders);
		}

		/**
		 * The FEEL engine as Camunda builds it (its functions and value mappers, external functions off), keeping what
		 * it parsed; built once, as Camunda's own is.
		 */
		@Override
		protected org.camunda.feel.FeelEngine buildFeelEngine(CustomFunctionTransformer functionProvider,
				CompositeValueMapper valueMapper) {
			return new KeepingParsed(functionProvider, valueMapper);
		}

		int parsedExpressions() {
			return ((KeepingParsed) feelEngine).size();
		}

	}

	/** feel-scala's engine, evaluating what it parsed before when given the same text again. */
	static final class KeepingParsed extends org.camunda.feel.FeelEngine {

		private final Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();

		private final Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

		KeepingParsed(FunctionProvider functionProvider, ValueMapper valueMapper) {
			super(functionProvider, valueMapper, new org.camunda.feel.FeelEngine.Configuration(false),
					org.camunda.feel.FeelEngine.defaultClock());
		}

		@Override
		public Either<Failure, ParsedExpression> parseExpression(String expression) {
			return parsed(expressions, expression, super::parseExpression);
		}

		@Override
		public Either<Failure, ParsedExpression> parseUnaryTests(String expression) {
			return parsed(unaryTests, expression, super::parseUnaryTests);
		}

		int size() {
			return expressions.size() + unaryTests.size();
		}

		private static Either<Failure, ParsedExpression> parsed(Map<String, Either<Failure, ParsedExpression>> kept,
				String text, Function<String, Either<Failure, ParsedExpression>> parser) {
			Either<Failure, ParsedExpression> parsed = kept.get(text);
			if (parsed != null) {
				return parsed;
			}
			parsed = parser.apply(text);
			if (parsed.isRight()) {
				if (kept.size() >= MAX_EXPRESSIONS) {
					kept.clear();
				}
				kept.put(text, parsed);
			}
			return parsed;
		}

	}

}
