package com.creditdesk.customer;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.creditdesk.identity.CurrentUser;

/** Customers as the credit department sees them. Reps see the customers they are responsible for. */
@RestController
@RequestMapping("/api/customers")
class CustomerController {

	private final CustomerRepository customers;

	CustomerController(CustomerRepository customers) {
		this.customers = customers;
	}

	@GetMapping
	List<CustomerView> list() {
		CurrentUser user = CurrentUser.get();
		List<Customer> visible = user.seesAllCustomers() ? customers.findAllByOrderByName()
				: customers.findByResponsibleRepOrderByName(user.id());
		return visible.stream().map(CustomerView::of).toList();
	}

	@GetMapping("/{id}")
	CustomerView get(@PathVariable long id) {
		return CustomerView.of(visibleCustomer(customers, id));
	}

	static Customer visibleCustomer(CustomerRepository customers, long id) {
		Customer customer = customers.findById(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Customer " + id + " does not exist."));
		CurrentUser user = CurrentUser.get();
		if (!user.seesAllCustomers() && !user.id().equals(customer.getResponsibleRep())) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					"Customer " + id + " is looked after by another rep; only its rep and managers may see it.");
		}
		return customer;
	}

}
