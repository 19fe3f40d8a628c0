package com.creditdesk.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.creditdesk.system.InvalidRequestException;
import com.creditdesk.system.Labels;
import com.creditdesk.system.Messages;
import com.creditdesk.system.SystemActions;

/**
 * What other capabilities call to tell someone something by e-mail. Each call records the mails in the caller's
 * transaction and publishes a follow-up per mail, sent after commit ({@link SendMailHandler}); a person who chose
 * the daily digest gets digestible notices in it instead. Does nothing while mail is not configured
 * ({@code spring.mail.host}). People are reached at the e-mail address of their CreditDesk user; someone without one
 * is left out.
 */
@Service
public class Notifications {

	/** A mail CreditDesk sent or holds, as the outbox and a case show it. */
	public record SentMail(long id, String template, String recipient, String subject, String status,
			String requestedBy, java.time.Instant createdAt, java.time.Instant sentAt, int attempts, String lastError) {
	}

	private final OutboundMailRepository mails;

	private final MailPreferenceRepository preferences;

	private final MailTemplates templates;

	private final IdentityService identity;

	private final ApplicationEventPublisher events;

	private final Labels labels;

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Notifications.class);

	/** The most notices one digest lists; the rest are counted, and waiting in Tasklist anyway. */
	static final int DIGEST_NOTICES = 30;

	private final boolean enabled;

	private final String baseUrl;

	Notifications(OutboundMailRepository mails, MailPreferenceRepository preferences, MailTemplates templates,
			IdentityService identity, ApplicationEventPublisher events, Labels labels,
			@Value("${spring.mail.host:}") String mailHost,
			@Value("${creditdesk.mail.base-url:http://localhost:8080}") String baseUrl) {
		this.mails = mails;
		this.preferences = preferences;
		this.templates = templates;
		this.identity = identity;
		this.events = events;
		this.labels = labels;
		this.enabled = mailHost != null && !mailHost.isBlank();
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** Whether CreditDesk sends mail at all (an SMTP server is configured). */
	public boolean enabled() {
		return enabled;
	}

	/** CreditDesk's address as people open it from a mail, e.g. {@code https://credit.example.com}. */
	public String baseUrl() {
		return baseUrl;
	}

	/** A link to a task in Tasklist. */
	public String taskLink(String taskId) {
		return baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
	}

	/**
	 * Tells each of the users (except {@code except}, who caused it) with the template; a digestible notice waits for
	 * the daily digest of whoever chose one.
	 */
	@Transactional
	public void toUsers(Collection<String> userIds, String except, String template, Map<String, ?> model, String about,
			boolean digestible) {
		if (!enabled) {
			return;
		}
		for (String userId : new LinkedHashSet<>(userIds)) {
			if (userId == null || userId.equals(except)) {
				continue;
			}
			// a notice that cannot be written (an administrator's broken template, an unknown user) is logged and
			// left out: it must never fail the step that caused it (nothing is written before the text is ready)
			User user;
			MailTemplates.Rendered text;
			try {
				user = SystemActions.asSystem(identity, () -> identity.createUserQuery().userId(userId).singleResult());
				if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
					continue;
				}
				Map<String, Object> personal = new LinkedHashMap<>(model);
				personal.put("recipientName", labels.person(userId));
				text = templates.render(template, personal);
			}
			catch (RuntimeException e) {
				log.warn("Notice '{}' to {} about {} left out: {}", template, userId, about, e.toString());
				continue;
			}
			boolean held = digestible && preferences.findById(userId).map(MailPreference::isDigest).orElse(false);
			OutboundMail mail = mails.save(new OutboundMail(template, userId, user.getEmail(), text, null, about, except,
					held ? OutboundMail.Status.HELD : OutboundMail.Status.QUEUED));
			if (!held) {
				events.publishEvent(new MailQueued(mail.getId()));
			}
		}
	}

	/** Tells every member of the group, as {@link #toUsers}. */
	@Transactional
	public void toGroup(String group, String except, String template, Map<String, ?> model, String about,
			boolean digestible) {
		toPeople(group == null ? List.of() : List.of(group), List.of(), except, template, model, about, digestible);
	}

	/** Tells the users and the members of the groups, each person once, as {@link #toUsers}. */
	@Transactional
	public void toPeople(Collection<String> groups, Collection<String> users, String except, String template,
			Map<String, ?> model, String about, boolean digestible) {
		if (!enabled) {
			return;
		}
		Set<String> people = new LinkedHashSet<>(users);
		for (String group : groups) {
			people.addAll(SystemActions.asSystem(identity,
					() -> identity.createUserQuery().memberOfGroup(group).list().stream().map(User::getId).toList()));
		}
		toUsers(people, except, template, model, about, digestible);
	}

	/**
	 * Sends a document to an address outside CreditDesk (a customer's), with its attachment rendered when sent;
	 * answers the mail's id. Refused with the field named when the address is not one.
	 */
	@Transactional
	public long toAddress(String field, String address, String template, Map<String, ?> model, String attachment,
			String about, String requestedBy) {
		if (!enabled) {
			throw new InvalidRequestException(Messages.text("mail.notConfigured"), Map.of(field, Messages.text("mail.notConfigured")));
		}
		String to = address == null ? "" : address.strip();
		if (!to.matches("[^@\\s<>,;]+@[^@\\s<>,;]+\\.[^@\\s<>,;]+") || to.length() > 320) {
			throw new InvalidRequestException(Messages.text("mail.addressInvalid", to), Map.of(field,
					Messages.text("mail.addressInvalid", to)));
		}
		OutboundMail mail = mails.save(new OutboundMail(template, null, to, templates.render(template, model), attachment,
				about, requestedBy, OutboundMail.Status.QUEUED));
		events.publishEvent(new MailQueued(mail.getId()));
		return mail.getId();
	}

	/** The mails about something (e.g. {@code collection-case:12}), oldest first. */
	@Transactional(readOnly = true)
	public List<SentMail> about(String about) {
		return mails.findByAboutOrderByIdAsc(about).stream().map(Notifications::view).toList();
	}

	/** The latest 200 mails, newest first (the outbox). */
	@Transactional(readOnly = true)
	public List<SentMail> latest() {
		return mails.findTop200ByOrderByIdDesc().stream().map(Notifications::view).toList();
	}

	/** Whether the user gets one daily digest instead of single notices. */
	@Transactional(readOnly = true)
	public boolean digestChosen(String userId) {
		return preferences.findById(userId).map(MailPreference::isDigest).orElse(false);
	}

	@Transactional
	public void chooseDigest(String userId, boolean digest) {
		preferences.findById(userId).ifPresentOrElse(p -> p.change(digest),
				() -> preferences.save(new MailPreference(userId, digest)));
	}

	/**
	 * Sends each person who chose the digest one mail with the notices held for them, and marks those notices
	 * digested; answers how many digests were queued. Run daily (the {@code daily-mail-digest} process).
	 */
	@Transactional
	public int sendDigests() {
		Map<String, List<OutboundMail>> held = new LinkedHashMap<>();
		for (OutboundMail mail : mails.findByStatusOrderByRecipientUserAscIdAsc(OutboundMail.Status.HELD)) {
			held.computeIfAbsent(mail.getRecipientUser(), user -> new ArrayList<>()).add(mail);
		}
		int digests = 0;
		for (Map.Entry<String, List<OutboundMail>> entry : held.entrySet()) {
			List<Map<String, String>> notices = new ArrayList<>();
			for (OutboundMail notice : entry.getValue()) {
				notice.digested();
				if (notices.size() < DIGEST_NOTICES) {
					notices.add(Map.of("subject", notice.getSubject(), "body", notice.getBody().strip()));
				}
			}
			OutboundMail first = entry.getValue().get(0);
			OutboundMail digest = mails.save(new OutboundMail("digest", entry.getKey(), first.getRecipient(),
					templates.render("digest", Map.of("recipientName", labels.person(entry.getKey()), "notices", notices,
							"count", entry.getValue().size(), "more", entry.getValue().size() - notices.size(), "tasklist",
							baseUrl + "/camunda/app/tasklist/default/")),
					null, "digest:" + entry.getKey(), null, OutboundMail.Status.QUEUED));
			events.publishEvent(new MailQueued(digest.getId()));
			digests++;
		}
		return digests;
	}

	private static SentMail view(OutboundMail mail) {
		return new SentMail(mail.getId(), mail.getTemplate(), mail.getRecipient(), mail.getSubject(),
				mail.getStatus().name(), mail.getRequestedBy(), mail.getCreatedAt(), mail.getSentAt(), mail.getAttempts(),
				mail.getLastError());
	}

}
