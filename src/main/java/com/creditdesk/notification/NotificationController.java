package com.creditdesk.notification;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.creditdesk.identity.CurrentUser;
import com.creditdesk.identity.Roles;
import com.creditdesk.system.ApiAccess;
import com.creditdesk.system.ForbiddenException;
import com.creditdesk.system.InvalidRequestException;
import com.creditdesk.system.Messages;
import com.creditdesk.system.SystemActions;

/**
 * A person's notification settings (single mails or a daily digest) and the outbox: every mail CreditDesk sent or
 * still tries to send, with the error of a failed attempt.
 */
@RestController
@RequestMapping("/api")
class NotificationController {

	/** A person's notification settings: where mails go, whether they come as a daily digest. */
	record NotificationSettings(boolean mailEnabled, String address, boolean digest) {
	}

	/** The change: {@code digest} true for one daily digest, false for single mails. */
	record DigestChoice(Boolean digest) {
	}

	private final Notifications notifications;

	private final IdentityService identity;

	NotificationController(Notifications notifications, IdentityService identity) {
		this.notifications = notifications;
		this.identity = identity;
	}

	@GetMapping("/me/notifications")
	NotificationSettings mine() {
		String userId = CurrentUser.get().id();
		User user = SystemActions.asSystem(identity, () -> identity.createUserQuery().userId(userId).singleResult());
		return new NotificationSettings(notifications.enabled(), user == null ? null : user.getEmail(),
				notifications.digestChosen(userId));
	}

	@PutMapping("/me/notifications")
	NotificationSettings choose(@RequestBody DigestChoice choice) {
		if (choice == null || choice.digest() == null) {
			throw new InvalidRequestException(Messages.text("mail.digestMissing"),
					Map.of("digest", Messages.text("mail.digestMissing")));
		}
		notifications.chooseDigest(CurrentUser.get().id(), choice.digest());
		return mine();
	}

	@ApiAccess(roles = { Roles.CREDIT_ADMINS, Roles.CAMUNDA_ADMIN })
	@GetMapping("/mails")
	List<Notifications.SentMail> outbox() {
		CurrentUser user = CurrentUser.get();
		// the outbox holds customers' names, amounts and addresses: not for operations, who see figures only
		if (!user.isMemberOf(Roles.CREDIT_ADMINS) && !user.isMemberOf(Roles.CAMUNDA_ADMIN)) {
			throw new ForbiddenException(Messages.text("mail.outboxAdministratorsOnly"));
		}
		return notifications.latest();
	}

}
