package com.creditdesk.customer;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.creditdesk.identity.CurrentUser;

/** Customers as the credit department sees them. Reps see the customers they are responsible for. */
@RestController
@RequestMapping("/api/customers")
class CustomerController {

	private final CustomerService service;

	CustomerController(CustomerService service) {
		this.service = service;
	}

	@GetMapping
	List<CustomerView> list() {
		return service.visibleCustomers(CurrentUser.get()).stream().map(CustomerView::of).toList();
	}

	@GetMapping("/{id}")
	CustomerView get(@PathVariable long id) {
		return CustomerView.of(service.visibleTo(id, CurrentUser.get()));
	}

}
