package com.creditdesk.system;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * The checks every amount, text and date a person or a feed sends goes through before anything is written, so that
 * what the database would refuse (a column too short, a precision too small, a CHECK) is refused first, with a
 * message that names the field. Each check throws {@link InvalidRequestException} with {@code field -> message}.
 * A {@code label} is the field's name as the message shows it, in the request's language (e.g.
 * {@code Messages.text("label.orderAmount")}).
 */
public final class Inputs {

	/** The largest amount one document, limit or figure may carry: CNY 999,999,999,999.99 (just under one trillion). */
	public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

	/** The earliest business date CreditDesk accepts. */
	public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	private Inputs() {
	}

	/** A positive amount in yuan with at most two decimals (fen), at most {@link #MAX_AMOUNT}. */
	public static BigDecimal positiveAmount(String field, String label, BigDecimal value) {
		BigDecimal amount = amount(field, label, value);
		if (amount.signum() <= 0) {
			throw invalid(field, Messages.text("input.greaterThanZero", label));
		}
		return amount;
	}

	/** An amount of zero or more, at most two decimals, at most {@link #MAX_AMOUNT}. */
	public static BigDecimal amount(String field, String label, BigDecimal value) {
		if (value == null) {
			throw invalid(field, Messages.text("input.required", label));
		}
		if (value.stripTrailingZeros().scale() > 2) {
			throw invalid(field, Messages.text("input.tooManyDecimals", label, value.toPlainString()));
		}
		if (value.abs().compareTo(MAX_AMOUNT) > 0) {
			throw invalid(field, Messages.text("input.beyondLargestAmount", label, Money.format(value),
					Money.format(MAX_AMOUNT)));
		}
		return Money.of(value);
	}

	/** A text that must be there (not blank), trimmed, at most {@code max} characters, without control characters. */
	public static String requiredText(String field, String label, String value, int max) {
		if (value == null || value.isBlank()) {
			throw invalid(field, Messages.text("input.required", label));
		}
		return optionalText(field, label, value, max);
	}

	/** A text that may be missing (null or blank: null), else trimmed, at most {@code max} characters. */
	public static String optionalText(String field, String label, String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.strip();
		if (trimmed.length() > max) {
			throw invalid(field, Messages.text("input.tooLong", label, String.valueOf(trimmed.length()),
					String.valueOf(max)));
		}
		if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
			throw invalid(field, Messages.text("input.controlCharacters", label));
		}
		return trimmed;
	}

	/** A date that must be there, between {@code earliest} and {@code latest} (both included). */
	public static LocalDate date(String field, String label, LocalDate value, LocalDate earliest, LocalDate latest) {
		if (value == null) {
			throw invalid(field, Messages.text("input.required", label));
		}
		if (value.isBefore(earliest) || value.isAfter(latest)) {
			throw invalid(field, Messages.text("input.dateOutOfRange", label, value.toString(), earliest.toString(),
					latest.toString()));
		}
		return value;
	}

	public static InvalidRequestException invalid(String field, String message) {
		return new InvalidRequestException(message, Map.of(field, message));
	}

}
