package com.creditdesk.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.creditdesk.system.InvalidRequestException;

/**
 * The policy workbench's validation of candidates: the released files pass their own test cases (the cases are
 * data, {@code policy/cases/*.json}), a band moved within the contract passes, and each way of breaking the contract
 * is named by decision, rule and column.
 */
class PolicyValidatorTest {

	private final PolicyCatalog catalog = new PolicyCatalog(null, null);

	private final PolicyValidator validator = new PolicyValidator();

	private static String released(String key) throws Exception {
		return Files.readString(Path.of("processes/" + key + ".dmn"));
	}

	private PolicyValidator.Validation validate(String key, String xml) {
		return validator.validate(catalog.get(key), xml);
	}

	/** The credit-grade rules with AA starting at 85 instead of 80 (A up to 85). */
	static String aaFrom85(String scorecard) {
		String changed = scorecard.replace("<text>[80..90[</text>", "<text>[85..90[</text>")
			.replace("<text>[70..80[</text>", "<text>[70..85[</text>");
		assertThat(changed).isNotEqualTo(scorecard);
		return changed;
	}

	@Test
	void everyReleasedPolicyPassesItsOwnCases() throws Exception {
		assertThat(catalog.all()).extracting(PolicyCatalog.Policy::key)
			.contains("credit-scorecard", "approval-authority", "collection-stage", "review-interval",
					"policy-exceptions", "key-account-class");
		for (PolicyCatalog.Policy policy : catalog.all()) {
			PolicyValidator.Validation validation = validate(policy.key(), released(policy.key()));
			assertThat(validation.violations()).as(policy.key()).isEmpty();
			assertThat(validation.cases().failures()).as(policy.key()).isEmpty();
			assertThat(validation.cases().total()).as(policy.key() + " has cases").isPositive();
			assertThat(validation.valid()).isTrue();
		}
	}

	@Test
	void movingAGradeBandWithinTheContractIsValid() throws Exception {
		PolicyValidator.Validation validation = validate("credit-scorecard", aaFrom85(released("credit-scorecard")));
		assertThat(validation.violations()).isEmpty();
		assertThat(validation.valid()).isTrue();
	}

	@Test
	void anInputTheProcessesDoNotSupplyIsNamedByDecisionAndColumn() throws Exception {
		String xml = released("credit-scorecard").replace("<text>quickRatio</text>", "<text>acidTest</text>");
		PolicyValidator.Validation validation = validate("credit-scorecard", xml);
		assertThat(validation.valid()).isFalse();
		assertThat(validation.violations()).extracting(v -> v.decision() + " | " + v.column())
			.contains("credit-score | quickRatio", "credit-score | acidTest");
	}

	@Test
	void aChangedHitPolicyOrOutputIsRefused() throws Exception {
		String xml = released("credit-scorecard")
			.replace("<output id=\"Output_SuggestedLimit_SuggestedLimit\" name=\"suggestedLimit\"",
					"<output id=\"Output_SuggestedLimit_SuggestedLimit\" name=\"limit\"")
			.replaceFirst("(<decisionTable id=\"[^\"]*\"[^>]*hitPolicy=\")UNIQUE(\")", "$1FIRST$2");
		PolicyValidator.Validation validation = validate("credit-scorecard", xml);
		assertThat(validation.valid()).isFalse();
		assertThat(validation.violations()).extracting(PolicyValidator.Violation::message)
			.anySatisfy(message -> assertThat(message).contains("suggestedLimit"))
			.anySatisfy(message -> assertThat(message).contains("UNIQUE", "FIRST"));
	}

	@Test
	void anUnreadableCellIsNamedByRuleAndColumn() throws Exception {
		String xml = released("credit-scorecard").replace("<text>[80..90[</text>", "<text>[80..90[[</text>");
		PolicyValidator.Validation validation = validate("credit-scorecard", xml);
		assertThat(validation.valid()).isFalse();
		assertThat(validation.violations()).hasSize(1);
		PolicyValidator.Violation violation = validation.violations().get(0);
		assertThat(violation.decision()).isEqualTo("credit-grade");
		assertThat(violation.rule()).isNotBlank();
		assertThat(violation.column()).contains("Credit score");
		assertThat(violation.message()).contains("[80..90[[");
	}

	@Test
	void aCandidateThatBreaksACaseIsInvalid() throws Exception {
		String xml = released("credit-scorecard").replace("<text>&lt; 60</text>", "<text>&lt; 20</text>");
		PolicyValidator.Validation validation = validate("credit-scorecard", xml);
		assertThat(validation.violations()).isEmpty();
		assertThat(validation.valid()).isFalse();
		assertThat(validation.cases().failures()).extracting(PolicyValidator.CaseFailure::decision).contains("credit-grade");
	}

	@Test
	void textThatIsNoDmnIsRefusedOutright() {
		assertThatThrownBy(() -> validate("credit-scorecard", "<definitions>not dmn"))
			.isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> validate("credit-scorecard", " ")).isInstanceOf(InvalidRequestException.class);
	}


	@Test
	void anElementOfAnotherVocabularyOrAnExpressionInAnotherLanguageIsRefusedBeforeAnythingRuns() throws Exception {
		String released = released("credit-scorecard");
		String script = released.replace("<decision id=\"credit-grade\"",
				"<x:script xmlns:x=\"http://www.w3.org/1999/xhtml\">alert(1)</x:script><decision id=\"credit-grade\"");
		assertThatThrownBy(() -> validate("credit-scorecard", script)).isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("x:script");
		String juel = released.replace("<inputEntry id=\"UnaryTests_GradeAA_CreditScore\">",
				"<inputEntry id=\"UnaryTests_GradeAA_CreditScore\" expressionLanguage=\"juel\">");
		assertThat(juel).isNotEqualTo(released);
		assertThatThrownBy(() -> validate("credit-scorecard", juel)).isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("juel");
		String doctype = "<!DOCTYPE definitions [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + released.substring(released.indexOf("<definitions"));
		assertThatThrownBy(() -> validate("credit-scorecard", doctype)).isInstanceOf(InvalidRequestException.class);
	}

	@Test
	void aDecisionTheFileDidNotHaveIsRefused() throws Exception {
		String released = released("review-interval");
		String approval = released("approval-authority");
		String extra = approval.substring(approval.indexOf("<decision "), approval.indexOf("</decision>") + "</decision>".length());
		String xml = released.replace("<dmndi:DMNDI>", extra + "<dmndi:DMNDI>");
		assertThat(xml).contains(extra);
		PolicyValidator.Validation validation = validate("review-interval", xml);
		assertThat(validation.valid()).isFalse();
		assertThat(validation.violations()).extracting(PolicyValidator.Violation::decision).contains("approval-authority");
	}

}
