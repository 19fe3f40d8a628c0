package com.creditdesk.review;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.creditdesk.system.ApiAccess;
import com.creditdesk.customer.CustomerService;
import com.creditdesk.identity.CurrentUser;
import com.creditdesk.identity.Roles;
import com.creditdesk.system.BusinessClock;
import com.creditdesk.system.ForbiddenException;
import com.creditdesk.system.InvalidRequestException;
import com.creditdesk.system.Messages;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Asking for re-evaluations, and the daily run on demand. */
@RestController
@RequestMapping("/api")
class ReviewController {

	private final ReevaluationService reviews;

	private final CustomerService customers;

	ReviewController(ReevaluationService reviews, CustomerService customers) {
		this.reviews = reviews;
		this.customers = customers;
	}

	record ReviewRequest(TriggerKind kind, @NotBlank @Size(min = 10, max = 1000) String reason) {
	}

	@PostMapping("/customers/{customerId}/reevaluations")
	@ResponseStatus(HttpStatus.CREATED)
	ReevaluationService.TriggerResult request(@PathVariable long customerId, @Valid @RequestBody ReviewRequest body) {
		CurrentUser user = CurrentUser.get();
		customers.visibleTo(customerId, user);
		if (java.util.EnumSet.of(com.creditdesk.customer.CustomerStatus.PROSPECT,
				com.creditdesk.customer.CustomerStatus.DECLINED, com.creditdesk.customer.CustomerStatus.WITHDRAWN)
			.contains(customers.get(customerId).getStatus())) {
			throw new InvalidRequestException(Messages.text("review.noCreditYet", String.valueOf(customerId)));
		}
		return reviews.trigger(customerId, body.kind() == null ? TriggerKind.ON_REQUEST : body.kind(), body.reason(),
				user.id());
	}

	@ApiAccess(roles = { Roles.CREDIT_ADMINS, Roles.CAMUNDA_ADMIN })
	@PostMapping("/reviews/run-due")
	Map<String, Object> runDue() {
		CurrentUser user = CurrentUser.get();
		if (!user.isMemberOf(Roles.CREDIT_ADMINS) && !user.isMemberOf(Roles.CAMUNDA_ADMIN)) {
			throw new ForbiddenException(Messages.text("review.runDueAdministratorsOnly"));
		}
		return Map.of("started", reviews.startDueReviews(BusinessClock.today()), "asOf", BusinessClock.today());
	}

	record TriggerView(TriggerKind kind, String reason, String requestedBy, String processInstanceId,
			ReviewTrigger.Outcome outcome, Instant createdAt) {
	}

	@GetMapping("/customers/{customerId}/review-triggers")
	List<TriggerView> triggers(@PathVariable long customerId) {
		customers.visibleTo(customerId, CurrentUser.get());
		return reviews.triggersOf(customerId)
			.stream()
			.map(t -> new TriggerView(t.getKind(), t.getReason(), t.getRequestedBy(), t.getProcessInstanceId(),
					t.getOutcome(), t.getCreatedAt()))
			.toList();
	}

}
