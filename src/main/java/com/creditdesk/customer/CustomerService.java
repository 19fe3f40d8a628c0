package com.creditdesk.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.creditdesk.identity.CurrentUser;
import com.creditdesk.system.ConflictException;
import com.creditdesk.system.ForbiddenException;
import com.creditdesk.system.InvalidRequestException;
import com.creditdesk.system.Messages;
import com.creditdesk.system.NotFoundException;

/** Changes to a customer's master data and credit standing. */
@Service
public class CustomerService {

	private final CustomerRepository customers;

	CustomerService(CustomerRepository customers) {
		this.customers = customers;
	}

	/**
	 * Creates the customer (as a prospect) or attaches to the existing one with the same credit code, and opens a
	 * credit case for the given process instance. At most one case is open per customer.
	 * @throws InvalidRequestException when the facts are incomplete or the credit code is invalid
	 * @throws ConflictException when the customer already has an open case or belongs to another rep
	 */
	@Transactional
	public Customer openInvestigation(CustomerFacts facts, String rep, String processInstanceId) {
		Map<String, String> problems = facts.problems();
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(String.join(" ", problems.values()), problems);
		}
		String code = CreditCode.normalize(facts.creditCode());
		Optional<Customer> existing = customers.findByCreditCode(code);
		Customer customer = existing.orElseGet(() -> new Customer(facts.name().trim(), code, facts.ownershipType(), rep));
		customer.reopenProspect(rep); // a withdrawn or declined prospect is nobody's: the rep who starts again takes it
		if (existing.isPresent() && !customer.getResponsibleRep().equals(rep)) {
			throw new ConflictException(Messages.text("customer.otherRep", customer.getName(), code,
					customer.getResponsibleRep()));
		}
		ensureNoOpenCase(customer);
		customer.updateFacts(facts.name().trim(), facts.ownershipType(), facts.industry(), facts.region(),
				facts.companySize(), facts.address(), facts.contactName(), facts.contactPhone());
		customer.openCase(processInstanceId);
		return customers.saveAndFlush(customer);
	}

	/** Opens a credit case (e.g. a re-evaluation) for an existing customer. */
	@Transactional
	public Customer openCase(long customerId, String processInstanceId) {
		Customer customer = get(customerId);
		ensureNoOpenCase(customer);
		customer.openCase(processInstanceId);
		return customers.saveAndFlush(customer);
	}

	@Transactional
	public void withdrawProspect(long customerId, String reason) {
		get(customerId).withdrawProspect(reason);
	}

	@Transactional
	public void closeCase(long customerId, String processInstanceId) {
		customers.findById(customerId).ifPresent(customer -> customer.closeCase(processInstanceId));
	}

	@Transactional
	public Customer grantLimit(long customerId, BigDecimal limit, String grade, LocalDate validUntil,
			LocalDate nextReview, Long decisionId) {
		Customer customer = get(customerId);
		customer.grantLimit(limit, grade, validUntil, nextReview, decisionId);
		return customer;
	}

	@Transactional
	public Customer regrade(long customerId, String grade, LocalDate nextReview) {
		Customer customer = get(customerId);
		customer.regrade(grade, nextReview);
		return customer;
	}

	/** Customers whose periodic review or limit expiry has come and who have no open credit case. */
	@Transactional(readOnly = true)
	public java.util.List<Customer> dueForReview(LocalDate today) {
		return customers.findDueForReview(today);
	}

	@Transactional(readOnly = true)
	public Optional<Customer> findById(long customerId) {
		return customers.findById(customerId);
	}

	@Transactional(readOnly = true)
	public Optional<Customer> findByCreditCode(String creditCode) {
		return customers.findByCreditCode(CreditCode.normalize(creditCode));
	}

	@Transactional
	public Customer makeCashOnly(long customerId, String grade, String reason, LocalDate nextReview) {
		Customer customer = get(customerId);
		customer.makeCashOnly(grade, reason, nextReview);
		return customer;
	}

	@Transactional
	public Customer placeOnCollectionHold(long customerId, long caseId, String reason) {
		Customer customer = lock(customerId);
		customer.placeOnCollectionHold(caseId, reason);
		return customer;
	}

	@Transactional
	public Customer liftCollectionHold(long customerId, long caseId) {
		Customer customer = lock(customerId);
		customer.liftCollectionHold(caseId);
		return customer;
	}

	@Transactional
	public Customer reportVanished(long customerId, String reason) {
		Customer customer = lock(customerId);
		customer.reportVanished(reason);
		return customer;
	}

	/**
	 * The customer, locked for the rest of the transaction: every change to a customer's ledger and credit
	 * exposure goes through this lock, so concurrent postings and credit checks are serialized per customer.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public Customer lock(long customerId) {
		return customers.findForUpdate(customerId)
			.orElseThrow(() -> new NotFoundException(Messages.text("customer.notFound", String.valueOf(customerId))));
	}

	@Transactional(readOnly = true)
	public Customer get(long customerId) {
		return customers.findById(customerId)
			.orElseThrow(() -> new InvalidRequestException(Messages.text("customer.notFound",
					String.valueOf(customerId))));
	}

	/**
	 * The customer, if the user may see it: reps see the customers they are responsible for, managers and
	 * administrators all.
	 */
	@Transactional(readOnly = true)
	public Customer visibleTo(long customerId, CurrentUser user) {
		Customer customer = customers.findById(customerId)
			.orElseThrow(() -> new NotFoundException(Messages.text("customer.notFound", String.valueOf(customerId))));
		if (!user.seesCustomerOf(customer.getResponsibleRep())) {
			throw new ForbiddenException(Messages.text("customer.notYours", String.valueOf(customerId)));
		}
		return customer;
	}

	/** Reps see the customers they are responsible for; managers and administrators all. */
	@Transactional(readOnly = true)
	public java.util.List<Customer> visibleCustomers(CurrentUser user) {
		return user.seesAllCustomers() ? customers.findAllByOrderByName()
				: customers.findByResponsibleRepOrderByName(user.id());
	}

	private static void ensureNoOpenCase(Customer customer) {
		if (customer.getOpenCaseProcessId() != null) {
			throw new ConflictException(Messages.text("customer.openCase", customer.getName(),
					customer.getOpenCaseProcessId()));
		}
	}

}
