package com.creditdesk.notification;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.creditdesk.system.FollowUpHandler;

import jakarta.mail.internet.MimeMessage;

/**
 * Sends a recorded mail once the step that recorded it has committed (the {@code follow-up} job). A failure (SMTP
 * down, an attachment that cannot be rendered) is written to the mail's row in a transaction of its own, so the
 * outbox shows it, and thrown so the job retries (five times a minute apart, then an incident in Cockpit); the step
 * that wanted the mail stays done. Sending twice after a crash between send and commit is possible, never losing one.
 */
@Component
class SendMailHandler implements FollowUpHandler<MailQueued> {

	private static final Logger log = LoggerFactory.getLogger(SendMailHandler.class);

	private final OutboundMailRepository mails;

	private final ObjectProvider<JavaMailSender> sender;

	private final Map<String, MailAttachmentSource> attachments = new HashMap<>();

	private final TransactionTemplate separately;

	private final String from;

	SendMailHandler(OutboundMailRepository mails, ObjectProvider<JavaMailSender> sender,
			List<MailAttachmentSource> sources, PlatformTransactionManager transactions,
			@Value("${creditdesk.mail.from:CreditDesk 信用管理 <creditdesk@localhost>}") String from) {
		this.mails = mails;
		this.sender = sender;
		sources.forEach(source -> attachments.put(source.kind(), source));
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.from = from;
	}

	@Override
	public Class<MailQueued> type() {
		return MailQueued.class;
	}

	@Override
	public void deliver(MailQueued queued) {
		OutboundMail mail = mails.findById(queued.mailId()).orElse(null);
		if (mail == null || mail.getStatus() != OutboundMail.Status.QUEUED) {
			return; // already sent (a retry after a commit failure), or gone
		}
		try {
			JavaMailSender smtp = sender.getIfAvailable();
			if (smtp == null) {
				throw new IllegalStateException("No SMTP server configured (spring.mail.host)");
			}
			MimeMessage message = smtp.createMimeMessage();
			boolean attach = mail.getAttachment() != null;
			MimeMessageHelper helper = new MimeMessageHelper(message, attach, StandardCharsets.UTF_8.name());
			helper.setFrom(from);
			helper.setTo(mail.getRecipient());
			helper.setSubject(mail.getSubject());
			helper.setText(mail.getBody(), false);
			if (attach) {
				MailAttachmentSource.Attachment file = attachment(mail.getAttachment());
				helper.addAttachment(file.fileName(), new ByteArrayResource(file.content()), file.contentType());
			}
			smtp.send(message);
		}
		catch (Exception e) {
			String error = e.getClass().getSimpleName() + ": " + e.getMessage();
			separately.executeWithoutResult(status -> mails.recordFailure(mail.getId(),
					error.length() > 1000 ? error.substring(0, 1000) : error));
			log.warn("Mail {} to {} not sent (the follow-up retries): {}", mail.getId(), mail.getRecipient(), error);
			throw new IllegalStateException("Mail " + mail.getId() + " not sent: " + error, e);
		}
		mail.sent();
	}

	private MailAttachmentSource.Attachment attachment(String reference) {
		int colon = reference.indexOf(':');
		MailAttachmentSource source = colon < 0 ? null : attachments.get(reference.substring(0, colon));
		if (source == null) {
			throw new IllegalStateException("No source renders the attachment " + reference);
		}
		return source.render(reference.substring(colon + 1));
	}

}
