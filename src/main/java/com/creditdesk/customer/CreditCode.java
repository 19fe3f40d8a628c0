package com.creditdesk.customer;

import java.util.Locale;
import java.util.Optional;

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
			return Optional.of("The unified social credit code is missing.");
		}
		String normalized = normalize(code);
		if (normalized.length() != 18) {
			return Optional.of("The unified social credit code must have 18 characters; '" + normalized + "' has "
					+ normalized.length() + ".");
		}
		for (int i = 0; i < 18; i++) {
			char c = normalized.charAt(i);
			if (ALPHABET.indexOf(c) < 0) {
				return Optional.of("The unified social credit code '" + normalized + "' contains '" + c
						+ "' at position " + (i + 1) + "; only digits and the letters A-Y without I, O, S, V are used.");
			}
		}
		for (int i = 2; i < 8; i++) {
			if (!Character.isDigit(normalized.charAt(i))) {
				return Optional.of("The unified social credit code '" + normalized
						+ "' must have the 6-digit administrative division code at positions 3 to 8.");
			}
		}
		char expected = checkCharacter(normalized.substring(0, 17));
		if (normalized.charAt(17) != expected) {
			return Optional.of("The unified social credit code '" + normalized + "' has the check character '"
					+ normalized.charAt(17) + "' but its first 17 characters require '" + expected
					+ "'. Please check the code for a typing error.");
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
