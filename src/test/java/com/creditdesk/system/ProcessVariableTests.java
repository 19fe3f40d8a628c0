package com.creditdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

class ProcessVariableTests {

	private static final ProcessVariable<BigDecimal> AMOUNT = ProcessVariable.money("requestedAmount");

	@Test
	void moneyCrossesTheEngineAsAPlainDecimalString() {
		Map<String, Object> variables = new HashMap<>();
		AMOUNT.put(variables, new BigDecimal("1234567.5"));
		assertThat(variables).containsEntry("requestedAmount", "1234567.50");
		assertThat(AMOUNT.from(variables)).isEqualTo(new BigDecimal("1234567.50"));
	}

	@Test
	void moneyReadsWhatOlderVersionsAndFormsStored() {
		assertThat(AMOUNT.from(Map.of("requestedAmount", 500000.0))).isEqualTo("500000.00");
		assertThat(AMOUNT.from(Map.of("requestedAmount", 80_000L))).isEqualTo("80000.00");
		assertThat(AMOUNT.from(Map.of("requestedAmount", 99.99))).isEqualTo("99.99");
		assertThat(AMOUNT.from(Map.of())).isNull();
	}

	@Test
	void aValueOfTheWrongTypeIsADefectNamingTheVariable() {
		assertThatThrownBy(() -> AMOUNT.from(Map.of("requestedAmount", "a lot")))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("requestedAmount")
			.hasMessageContaining("a lot");
		assertThatThrownBy(() -> ProcessVariable.id("creditFileId").from(Map.of("creditFileId", "x")))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("creditFileId");
	}

	@Test
	void datesAndIdsHaveOneRepresentation() {
		Map<String, Object> variables = new HashMap<>();
		ProcessVariable<LocalDate> until = ProcessVariable.date("limitValidUntil");
		until.put(variables, LocalDate.of(2027, 6, 30));
		assertThat(variables).containsEntry("limitValidUntil", "2027-06-30");
		assertThat(until.from(variables)).isEqualTo(LocalDate.of(2027, 6, 30));
		ProcessVariable<Long> file = ProcessVariable.id("creditFileId");
		assertThat(file.from(Map.of("creditFileId", 42))).isEqualTo(42L);
		assertThat(file.from(Map.of("creditFileId", "42"))).isEqualTo(42L);
		assertThat(ProcessVariable.text("requester").from(Map.of("requester", "  "))).isNull();
	}

	@Test
	void whatAPersonEnteredReadsAsMissingWhenItIsNotOfTheType() {
		VariableScope form = mock(VariableScope.class);
		when(form.getVariable("requestedLimit")).thenReturn("a lot");
		when(form.getVariable("paymentTermDays")).thenReturn(30.5);
		when(form.getVariable("proposedTermMonths")).thenReturn(12.0);
		// the step's validation names the field; the engine never fails on it
		assertThat(ProcessVariable.money("requestedLimit").input(form)).isNull();
		assertThat(ProcessVariable.integer("paymentTermDays").input(form)).isNull();
		assertThat(ProcessVariable.integer("proposedTermMonths").input(form)).isEqualTo(12);
		// the process's own state, read with get, is a defect when it is not of its type
		assertThatThrownBy(() -> ProcessVariable.integer("paymentTermDays").get(form))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("paymentTermDays");
	}

}
