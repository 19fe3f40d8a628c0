package com.creditdesk.notification;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * The mails' texts: Thymeleaf text templates, Chinese with English, one file per mail ({@code mail/<name>.txt} in
 * the application). An administrator changes a text by putting a file of the same name in
 * {@code creditdesk.mail.template-dir}: it wins over the built-in one and is read again on every mail. The first
 * line is the subject ({@code Subject: …}), the rest the body.
 */
@Component
class MailTemplates {

	record Rendered(String subject, String body) {
	}

	private static final String SUBJECT = "Subject:";

	private final TemplateEngine engine = new org.thymeleaf.spring6.SpringTemplateEngine();

	MailTemplates(@Value("${creditdesk.mail.template-dir:}") String templateDir) {
		int order = 1;
		if (templateDir != null && !templateDir.isBlank()) {
			if (!Files.isDirectory(Path.of(templateDir))) {
				throw new IllegalStateException("creditdesk.mail.template-dir is not a directory: " + templateDir);
			}
			FileTemplateResolver files = new FileTemplateResolver();
			files.setPrefix(Path.of(templateDir).toAbsolutePath() + "/");
			files.setSuffix(".txt");
			files.setTemplateMode(TemplateMode.TEXT);
			files.setCharacterEncoding(StandardCharsets.UTF_8.name());
			files.setCheckExistence(true);
			files.setCacheable(false);
			files.setOrder(order++);
			engine.addTemplateResolver(files);
		}
		ClassLoaderTemplateResolver builtIn = new ClassLoaderTemplateResolver();
		builtIn.setPrefix("mail/");
		builtIn.setSuffix(".txt");
		builtIn.setTemplateMode(TemplateMode.TEXT);
		builtIn.setCharacterEncoding(StandardCharsets.UTF_8.name());
		builtIn.setCheckExistence(true);
		// not cached either: which file wins is decided on every mail, so a file added later takes over at once
		builtIn.setCacheable(false);
		builtIn.setOrder(order);
		engine.addTemplateResolver(builtIn);
	}

	Rendered render(String template, Map<String, ?> model) {
		Context context = new Context();
		model.forEach(context::setVariable);
		String text = engine.process(template, context).strip();
		if (!text.startsWith(SUBJECT)) {
			throw new IllegalStateException("The mail template " + template + " must start with a '" + SUBJECT + "' line");
		}
		int end = text.indexOf('\n');
		String subject = (end < 0 ? text : text.substring(0, end)).substring(SUBJECT.length()).strip();
		String body = end < 0 ? "" : text.substring(end + 1).strip() + "\n";
		return new Rendered(subject.length() > 500 ? subject.substring(0, 500) : subject, body);
	}

}
