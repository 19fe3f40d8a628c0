package com.creditdesk.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.creditdesk.system.InEnglish;

@ExtendWith(InEnglish.class)
class CreditCodeTests {

	@Test
	void acceptsTheStandardsSampleCode() {
		assertThat(CreditCode.problem("91350100M000100Y43")).isEmpty();
	}

	@Test
	void acceptsLowerCaseAndSpacesAfterNormalizing() {
		assertThat(CreditCode.isValid("91330100ma2ab3c4dx")).isTrue();
		assertThat(CreditCode.normalize(" 9133 0100 MA2A B3C4 DX ")).isEqualTo("91330100MA2AB3C4DX");
	}

	@Test
	void computesTheCheckCharacterFromTheFirst17() {
		assertThat(CreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
		assertThat(CreditCode.checkCharacter("91110000100001342")).isEqualTo('C');
		assertThat(CreditCode.checkCharacter("92440101MA59ABCD1")).isEqualTo('A');
	}

	@Test
	void namesTheExpectedCheckCharacterWhenItIsWrong() {
		assertThat(CreditCode.problem("91350100M000100Y44")).hasValueSatisfying(
				message -> assertThat(message).contains("check character '4'").contains("require '3'"));
	}

	@Test
	void refusesWrongLength() {
		assertThat(CreditCode.problem("91350100M000100Y4")).hasValueSatisfying(
				message -> assertThat(message).contains("18 characters").contains("has 17"));
	}

	@Test
	void refusesLettersOutsideTheAlphabet() {
		assertThat(CreditCode.problem("91350100M000100I43")).hasValueSatisfying(
				message -> assertThat(message).contains("'I' at position 16"));
	}

	@Test
	void refusesANonNumericDivisionCode() {
		assertThat(CreditCode.problem("9135A100M000100Y43")).hasValueSatisfying(
				message -> assertThat(message).contains("administrative division code"));
	}

	@Test
	void refusesMissingCode() {
		assertThat(CreditCode.problem(" ")).hasValue("The unified social credit code is missing.");
	}

}
