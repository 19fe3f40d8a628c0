package com.creditdesk.customer;

import java.util.Locale;
import java.util.Optional;

import com.creditdesk.system.Messages;

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a 31-character alphabet
 * (digits and upper-case letters without I, O, S, V, Z); characters 3 to 8 are the administrative division code
 * (digits); the 18th is a check character computed from the first 17 with weights 3^(i) mod 31.
 */
public final class CreditCode {

	static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private CreditCode() {
	}

	/** Upper-cases and strips spaces, as people type codes with spaces or in lower case. */
	public static String normalize(String code) {
		return code == null ? null : code.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
	}

	/**
	 * @return empty when the (normalized) code is valid, otherwise a sentence saying what is wrong with it
	 */
	public static Optional<String> problem(String code) {
		if (code == null || code.isBlank()) {
			return Optional.of(Messages.text("customer.creditCodeMissing"));
		}
		String normalized = normalize(code);
		if (normalized.length() != 18) {
			return Optional.of(Messages.text("customer.creditCodeLength", normalized,
					String.valueOf(normalized.length())));
		}
		for (int i = 0; i < 18; i++) {
			char c = normalized.charAt(i);
			if (ALPHABET.indexOf(c) < 0) {
				return Optional.of(Messages.text("customer.creditCodeCharacter", normalized, String.valueOf(c),
						String.valueOf(i + 1)));
			}
		}
		for (int i = 2; i < 8; i++) {
			if (!Character.isDigit(normalized.charAt(i))) {
				return Optional.of(Messages.text("customer.creditCodeDivision", normalized));
			}
		}
		char expected = checkCharacter(normalized.substring(0, 17));
		if (normalized.charAt(17) != expected) {
			return Optional.of(Messages.text("customer.creditCodeCheck", normalized,
					String.valueOf(normalized.charAt(17)), String.valueOf(expected)));
		}
		return Optional.empty();
	}

	public static boolean isValid(String code) {
		return problem(code).isEmpty();
	}

	/** The check character (18th) for the first 17 characters of a code. */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
		}
		int check = 31 - sum % 31;
		return ALPHABET.charAt(check == 31 ? 0 : check);
	}

}
