package com.creditdesk.collection;

import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.creditdesk.customer.Customer;
import com.creditdesk.customer.CustomerService;
import com.creditdesk.notification.Notifications;

/** Tells the customer's rep by mail that a promise to pay was broken (in the case's transaction; sent after it). */
@Component
class PromiseBrokenNotice {

	private final Notifications notifications;

	private final CustomerService customers;

	PromiseBrokenNotice(Notifications notifications, CustomerService customers) {
		this.notifications = notifications;
		this.customers = customers;
	}

	@EventListener
	void promiseBroken(PromiseBroken broken) {
		if (!notifications.enabled()) {
			return;
		}
		Customer customer = customers.get(broken.customerId());
		notifications.toUsers(List.of(customer.getResponsibleRep()), null, "promise-broken",
				Map.of("customerName", customer.getName(), "reason", broken.reason(), "link",
						notifications.baseUrl() + "/reports/collections/" + broken.caseId()),
				LetterMail.about(broken.caseId()), true);
	}

}
