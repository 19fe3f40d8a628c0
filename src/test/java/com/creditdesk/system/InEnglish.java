package com.creditdesk.system;

import java.util.Locale;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For unit tests without a Spring context that assert CreditDesk's English messages: sets the default language to
 * English (as {@code creditdesk.language: en} does for the integration tests) and restores it afterwards.
 */
public class InEnglish implements BeforeAllCallback, AfterAllCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(InEnglish.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		context.getStore(NAMESPACE).put("previous", Messages.getDefault());
		Messages.setDefault(Locale.ENGLISH);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		Messages.setDefault(context.getStore(NAMESPACE).get("previous", Locale.class));
	}

}
