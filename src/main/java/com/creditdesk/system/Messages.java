package com.creditdesk.system;

import java.util.List;
import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What CreditDesk says to a person (refusals, validation messages), in Simplified Chinese or English. The texts are
 * in {@code i18n/messages.properties} (Chinese, the base) and {@code i18n/messages_en.properties}; both hold every
 * key with the same placeholders ({@code MessagesTests}). The language is the request's {@code Accept-Language}
 * (as the webapps choose theirs: the browser's first language), else
 * {@code creditdesk.language} (zh unless configured). Patterns always go through {@link java.text.MessageFormat}:
 * a single quote is written twice, and arguments are passed as ready texts (amounts via {@link Money#format}).
 */
public final class Messages {

	public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private static final ResourceBundleMessageSource SOURCE = new ResourceBundleMessageSource();

	private static volatile Locale fallback = CHINESE;

	static {
		SOURCE.setBasename("i18n/messages");
		SOURCE.setDefaultEncoding("UTF-8");
		SOURCE.setFallbackToSystemLocale(false);
		SOURCE.setAlwaysUseMessageFormat(true);
	}

	private Messages() {
	}

	/** The message {@code key} in the language of the current request (or the configured one), with its arguments. */
	public static String text(String key, Object... args) {
		return text(locale(), key, args);
	}

	public static String text(Locale locale, String key, Object... args) {
		return SOURCE.getMessage(key, args, Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.ENGLISH : CHINESE);
	}

	/**
	 * The language the webapps show to the same browser: its first language if that is Chinese or English, else the
	 * default (the webapps fall back to Chinese likewise, see Tasklist's {@code scripts/config.js}).
	 */
	public static Locale locale() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return attributes instanceof ServletRequestAttributes servlet ? locale(servlet.getRequest()) : fallback;
	}

	/**
	 * The language for {@code request} (its {@code Accept-Language}, else the default); for servlet filters that run
	 * before Spring binds the request to the thread.
	 */
	public static Locale locale(HttpServletRequest request) {
		String header = request.getHeader("Accept-Language");
		if (header != null && !header.isBlank()) {
			try {
				List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
				String first = ranges.isEmpty() ? "" : ranges.get(0).getRange().split("-")[0];
				if (first.equals("zh")) {
					return CHINESE;
				}
				if (first.equals("en")) {
					return Locale.ENGLISH;
				}
			}
			catch (IllegalArgumentException e) {
				// a malformed header: the default
			}
		}
		return fallback;
	}

	/** Set once at start from {@code creditdesk.language} ({@link LanguageSetting}). */
	static void setDefault(Locale locale) {
		fallback = Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.ENGLISH : CHINESE;
	}

	static Locale getDefault() {
		return fallback;
	}

	/** The languages CreditDesk speaks, the base (Chinese) first. */
	public static List<Locale> languages() {
		return List.of(CHINESE, Locale.ENGLISH);
	}

}
