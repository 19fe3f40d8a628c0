package com.creditdesk.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.creditdesk.identity.CurrentUser;
import com.creditdesk.system.BusinessClock;

/** Customers as the credit department sees them. Reps see the customers they are responsible for. */
@RestController
@RequestMapping("/api/customers")
class CustomerController {

	private final CustomerService service;

	private final TemporaryLimits temporaryLimits;

	CustomerController(CustomerService service, TemporaryLimits temporaryLimits) {
		this.service = service;
		this.temporaryLimits = temporaryLimits;
	}

	/** A temporary increase as the API shows it; {@code inForceToday}: the credit check counts it today. */
	record TemporaryLimitView(long id, BigDecimal amount, LocalDate validFrom, LocalDate validUntil,
			TemporaryLimit.Status status, boolean inForceToday, String requestedBy, String reason, Long decisionId,
			String processInstanceId, String note) {

		static TemporaryLimitView of(TemporaryLimit t, LocalDate today) {
			return new TemporaryLimitView(t.getId(), t.getAmount(), t.getValidFrom(), t.getValidUntil(), t.getStatus(),
					t.inForceOn(today), t.getRequestedBy(), t.getReason(), t.getDecisionId(), t.getProcessInstanceId(),
					t.getClosedNote());
		}

	}

	/** The limit in force on each day: the current one and the earlier ones, newest first. */
	record LimitPeriodView(BigDecimal creditLimit, LocalDate validFrom, LocalDate validUntil, LocalDate endedOn,
			Long decisionId, boolean current) {
	}

	@GetMapping
	List<CustomerView> list() {
		return service.visibleCustomers(CurrentUser.get()).stream().map(CustomerView::of).toList();
	}

	@GetMapping("/{id}")
	CustomerView get(@PathVariable long id) {
		return CustomerView.of(service.visibleTo(id, CurrentUser.get()));
	}

	@GetMapping("/{id}/temporary-limits")
	List<TemporaryLimitView> temporaryLimits(@PathVariable long id) {
		service.visibleTo(id, CurrentUser.get());
		LocalDate today = BusinessClock.today();
		return temporaryLimits.of(id).stream().map(t -> TemporaryLimitView.of(t, today)).toList();
	}

	@GetMapping("/{id}/limit-history")
	List<LimitPeriodView> limitHistory(@PathVariable long id) {
		Customer customer = service.visibleTo(id, CurrentUser.get());
		List<LimitPeriodView> periods = new ArrayList<>();
		if (customer.getCreditLimit().signum() > 0) {
			periods.add(new LimitPeriodView(customer.getCreditLimit(), customer.getLimitValidFrom(),
					customer.getLimitValidUntil(), null, customer.getLimitDecisionId(), true));
		}
		service.limitHistory(id)
			.forEach(p -> periods.add(new LimitPeriodView(p.getCreditLimit(), p.getValidFrom(), p.getValidUntil(),
					p.getEndedOn(), p.getDecisionId(), false)));
		return periods;
	}

}
