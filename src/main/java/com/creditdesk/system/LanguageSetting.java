package com.creditdesk.system;

import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code creditdesk.language}: the language of messages when a request does not say which it wants (API clients,
 * jobs): {@code zh} (default) or {@code en}.
 */
@Component
class LanguageSetting {

	LanguageSetting(@Value("${creditdesk.language:zh}") String language) {
		if (!language.equals("zh") && !language.equals("en")) {
			throw new IllegalStateException("creditdesk.language must be zh or en, not '" + language + "'.");
		}
		Messages.setDefault(Locale.forLanguageTag(language));
	}

}
