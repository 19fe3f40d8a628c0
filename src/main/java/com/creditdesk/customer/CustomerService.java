package com.creditdesk.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.creditdesk.identity.CurrentUser;
import com.creditdesk.system.BusinessClock;
import com.creditdesk.system.ConflictException;
import com.creditdesk.system.ForbiddenException;
import com.creditdesk.system.InvalidRequestException;
import com.creditdesk.system.Messages;
import com.creditdesk.system.NotFoundException;

/** Changes to a customer's master data and credit standing. */
@Service
public class CustomerService {

	private final CustomerRepository customers;

	private final CreditLimitPeriodRepository limitHistory;

	private final TemporaryLimits temporaryLimits;

	private final JdbcTemplate jdbc;

	CustomerService(CustomerRepository customers, CreditLimitPeriodRepository limitHistory,
			TemporaryLimits temporaryLimits, JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.limitHistory = limitHistory;
		this.temporaryLimits = temporaryLimits;
	}

	/** A limit in force on a given day, and the credit decision that granted it (null for a limit set by hand). */
	public record LimitInForce(BigDecimal limit, Long decisionId, LocalDate validFrom) {
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
		LocalDate today = BusinessClock.today();
		keepReplacedLimit(customer, today);
		customer.grantLimit(limit, grade, today, validUntil, nextReview, decisionId);
		return customer;
	}

	/** The limit the customer had until today goes into its history, so back-dated invoices still find it. */
	private void keepReplacedLimit(Customer customer, LocalDate endedOn) {
		if (customer.getCreditLimit().signum() > 0 && customer.getLimitValidFrom() != null
				&& customer.getLimitValidFrom().isBefore(endedOn)) {
			limitHistory.save(new CreditLimitPeriod(customer.getId(), customer.getCreditLimit(),
					customer.getLimitDecisionId(), customer.getLimitValidFrom(), customer.getLimitValidUntil(), endedOn));
		}
	}

	/**
	 * The limit in force on the day (an invoice's date): the current one if it had taken effect by then and the
	 * customer still trades on it, else the earlier limit whose period holds the day, else none.
	 */
	@Transactional(readOnly = true)
	public Optional<LimitInForce> limitOn(Customer customer, LocalDate day) {
		if (customer.getStatus() != CustomerStatus.ACTIVE) {
			return Optional.empty(); // on hold, cash only, vanished or closed: nothing it buys now is on credit
		}
		if (customer.limitInForceOn(day)) {
			return Optional.of(withTemporaryIncrease(customer, day, new LimitInForce(customer.getCreditLimit(),
					customer.getLimitDecisionId(), customer.getLimitValidFrom())));
		}
		if (customer.getLimitValidFrom() != null && !day.isBefore(customer.getLimitValidFrom())) {
			return Optional.empty(); // the current limit's period, but it has lapsed
		}
		return limitHistory.findByCustomerIdOrderByValidFromDesc(customer.getId())
			.stream()
			.filter(period -> period.inForceOn(day))
			.findFirst()
			.map(period -> withTemporaryIncrease(customer, day,
					new LimitInForce(period.getCreditLimit(), period.getDecisionId(), period.getValidFrom())));
	}

	/**
	 * The limit plus a temporary increase granted for the day on top of that very limit: the chain approved the
	 * combined amount, so the increase's decision answers for the day's sales.
	 */
	private LimitInForce withTemporaryIncrease(Customer customer, LocalDate day, LimitInForce limit) {
		if (!customer.mayHaveTemporaryIncreaseOn(day)) {
			return limit;
		}
		return temporaryLimits.grantedFor(customer.getId(), day)
			.filter(temporary -> temporary.addsTo(limit.decisionId()))
			.map(temporary -> new LimitInForce(limit.limit().add(temporary.getAmount()), temporary.getDecisionId(),
					temporary.getValidFrom()))
			.orElse(limit);
	}

	/** The limit plus the temporary increase in force on the day (zero when the customer does not trade on credit). */
	@Transactional(readOnly = true)
	public BigDecimal creditLimitOn(Customer customer, LocalDate day) {
		if (!customer.tradesOnCredit(day)) {
			return BigDecimal.ZERO.setScale(2);
		}
		if (!customer.mayHaveTemporaryIncreaseOn(day)) {
			return customer.getCreditLimit(); // no query on the order path unless an increase was approved
		}
		return temporaryLimits.inForceOn(customer.getId(), day)
			.filter(temporary -> temporary.addsTo(customer.getLimitDecisionId()))
			.map(temporary -> customer.getCreditLimit().add(temporary.getAmount()))
			.orElse(customer.getCreditLimit());
	}

	/** One customer's place in the 80/20 classification. */
	public record KeyAccountClassification(long customerId, String keyAccountClass, BigDecimal creditSales,
			BigDecimal share, int rank) {
	}

	/** Every customer's id: the classification ranks them all, those without credit sales included. */
	@Transactional(readOnly = true)
	public java.util.List<Long> allCustomerIds() {
		return customers.findAllIds();
	}

	/**
	 * Records the morning's 80/20 classification on every customer it names, in one transaction: batched updates of
	 * the five classification columns only (no version bump: a clerk editing a customer meanwhile is not refused,
	 * and saves only the columns she changed, see {@code @DynamicUpdate} on {@link Customer}).
	 */
	@Transactional
	public void recordKeyAccountClasses(java.util.List<KeyAccountClassification> classes, LocalDate asOf) {
		java.sql.Date day = java.sql.Date.valueOf(asOf);
		jdbc.batchUpdate("UPDATE customer SET key_account_class = ?, key_account_sales = ?, key_account_share = ?, "
				+ "key_account_rank = ?, key_account_as_of = ? WHERE id = ?", classes, 500, (statement, c) -> {
					statement.setString(1, c.keyAccountClass());
					statement.setBigDecimal(2, c.creditSales());
					statement.setBigDecimal(3, c.share());
					statement.setInt(4, c.rank());
					statement.setDate(5, day);
					statement.setLong(6, c.customerId());
				});
	}

	/** The limits the customer had before its current one, newest first. */
	@Transactional(readOnly = true)
	public java.util.List<CreditLimitPeriod> limitHistory(long customerId) {
		return limitHistory.findByCustomerIdOrderByValidFromDesc(customerId);
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
		keepReplacedLimit(customer, BusinessClock.today());
		customer.makeCashOnly(grade, reason, nextReview);
		return customer;
	}

	/** Applies a published {@link CreditHold.Placed}, in the publisher's transaction. */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	public void on(CreditHold.Placed hold) {
		lock(hold.customerId()).placeOnHold(hold.holder(), hold.reason());
	}

	/** Applies a published {@link CreditHold.Lifted}, in the publisher's transaction. */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	public void on(CreditHold.Lifted hold) {
		lock(hold.customerId()).liftHold(hold.holder());
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
