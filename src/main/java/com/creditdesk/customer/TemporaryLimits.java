package com.creditdesk.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.creditdesk.system.BusinessClock;
import com.creditdesk.system.InvalidRequestException;
import com.creditdesk.system.Messages;
import com.creditdesk.system.Money;

/** Temporary limit increases (临时额度): requested, decided by the approval chain, in force between two dates. */
@Service
public class TemporaryLimits {

	/** The longest a temporary increase may run: a season, not a second limit. */
	public static final int MAX_MONTHS = 6;

	private final TemporaryLimitRepository temporaryLimits;

	private final CustomerRepository customers;

	TemporaryLimits(TemporaryLimitRepository temporaryLimits, CustomerRepository customers) {
		this.temporaryLimits = temporaryLimits;
		this.customers = customers;
	}

	/**
	 * Records the request of a customer trading on credit. Refused, field by field, when the amount or the dates are
	 * wrong, when the customer has no limit to add to, or when another temporary increase covers some of the days.
	 */
	@Transactional
	public TemporaryLimit request(long customerId, BigDecimal amount, LocalDate from, LocalDate until, String reason,
			String requestedBy, String processInstanceId) {
		Customer customer = customers.findForUpdate(customerId).orElseThrow();
		LocalDate today = BusinessClock.today();
		if (!customer.tradesOnCredit(today)) {
			throw invalid("creditCode", Messages.text("temporaryLimit.noLimit", customer.getName()));
		}
		if (from.isBefore(today)) {
			throw invalid("temporaryFrom", Messages.text("temporaryLimit.fromInPast", from.toString()));
		}
		if (until.isBefore(from)) {
			throw invalid("temporaryUntil", Messages.text("temporaryLimit.untilBeforeFrom", until.toString(),
					from.toString()));
		}
		if (until.isAfter(from.plusMonths(MAX_MONTHS))) {
			throw invalid("temporaryUntil", Messages.text("temporaryLimit.tooLong", String.valueOf(MAX_MONTHS)));
		}
		if (customer.getLimitValidUntil() != null && until.isAfter(customer.getLimitValidUntil())) {
			throw invalid("temporaryUntil", Messages.text("temporaryLimit.beyondLimit", until.toString(),
					customer.getLimitValidUntil().toString()));
		}
		Optional<TemporaryLimit> overlapping = temporaryLimits.findByCustomerIdOrderByValidFromDesc(customerId)
			.stream()
			.filter(existing -> existing.overlaps(from, until))
			.findFirst();
		if (overlapping.isPresent()) {
			TemporaryLimit other = overlapping.get();
			throw invalid("temporaryFrom", Messages.text("temporaryLimit.overlaps", Money.format(other.getAmount()),
					other.getValidFrom().toString(), other.getValidUntil().toString()));
		}
		return temporaryLimits.save(new TemporaryLimit(customerId, amount, customer.getCreditLimit(),
				customer.getLimitDecisionId(), from, until, reason, requestedBy, processInstanceId));
	}

	private static InvalidRequestException invalid(String field, String message) {
		return new InvalidRequestException(message, Map.of(field, message));
	}

	/**
	 * The chain approved {@code approvedCombined} (limit plus increase): the increase is what exceeds the limit it
	 * was asked on, at most what was asked. Approving no more than that limit is a decline; so is a customer that no
	 * longer trades on the limit it was asked on (made cash only, or the limit changed meanwhile), or an approval
	 * after the increase's last day.
	 */
	@Transactional
	public TemporaryLimit decide(long temporaryLimitId, BigDecimal approvedCombined, long decisionId) {
		TemporaryLimit temporary = get(temporaryLimitId);
		Customer customer = customers.findById(temporary.getCustomerId()).orElseThrow();
		LocalDate today = BusinessClock.today();
		BigDecimal increase = approvedCombined == null ? BigDecimal.ZERO
				: approvedCombined.subtract(temporary.getBaseLimit()).min(temporary.getAmount());
		if (!customer.tradesOnCredit(today) || !temporary.addsTo(customer.getLimitDecisionId())) {
			temporary.decline(decisionId, Messages.text("temporaryLimit.noteLimitChanged",
					Money.format(temporary.getBaseLimit())));
		}
		else if (temporary.getValidUntil().isBefore(today)) {
			temporary.decline(decisionId, Messages.text("temporaryLimit.noteTooLate",
					temporary.getValidUntil().toString()));
		}
		else if (increase.signum() <= 0) {
			temporary.decline(decisionId, Messages.text("temporaryLimit.noteNoIncrease",
					Money.format(approvedCombined), Money.format(temporary.getBaseLimit())));
		}
		else {
			temporary.approve(increase, decisionId, Messages.text("temporaryLimit.noteApproved", Money.format(increase),
					Money.format(temporary.getBaseLimit()), String.valueOf(decisionId)));
			customer.temporaryIncreaseApprovedUntil(temporary.getValidUntil());
		}
		return temporary;
	}

	/** The request's process ended without a decision (cancelled in Cockpit, say): it no longer blocks its days. */
	@Transactional
	public void withdrawUndecided(long temporaryLimitId) {
		TemporaryLimit temporary = get(temporaryLimitId);
		if (temporary.getStatus() == TemporaryLimit.Status.REQUESTED) {
			temporary.decline(null, Messages.text("temporaryLimit.noteWithdrawn"));
		}
	}

	@Transactional
	public TemporaryLimit decline(long temporaryLimitId, Long decisionId, String note) {
		TemporaryLimit temporary = get(temporaryLimitId);
		temporary.decline(decisionId, note);
		return temporary;
	}

	/** The timer at the end of its last day: it no longer counts (the credit check stops using it on that day anyway). */
	@Transactional
	public boolean expire(long temporaryLimitId) {
		return get(temporaryLimitId).expire(Messages.text("temporaryLimit.noteExpired",
				BusinessClock.today().minusDays(1).toString()));
	}

	@Transactional(readOnly = true)
	public TemporaryLimit get(long temporaryLimitId) {
		return temporaryLimits.findById(temporaryLimitId)
			.orElseThrow(() -> new InvalidRequestException(Messages.text("temporaryLimit.notFound",
					String.valueOf(temporaryLimitId))));
	}

	/** The customer's temporary increases, latest first. */
	@Transactional(readOnly = true)
	public List<TemporaryLimit> of(long customerId) {
		return temporaryLimits.findByCustomerIdOrderByValidFromDesc(customerId);
	}

	/** The increase granted for the day, whether or not it has expired since: it covers invoices of that day. */
	@Transactional(readOnly = true)
	public Optional<TemporaryLimit> grantedFor(long customerId, LocalDate day) {
		return temporaryLimits.findByCustomerIdOrderByValidFromDesc(customerId)
			.stream()
			.filter(temporary -> temporary.grantedFor(day))
			.findFirst();
	}

	/** The approved increase in force on the day, if any. */
	@Transactional(readOnly = true)
	public Optional<TemporaryLimit> inForceOn(long customerId, LocalDate day) {
		return temporaryLimits.findByCustomerIdOrderByValidFromDesc(customerId)
			.stream()
			.filter(temporary -> temporary.inForceOn(day))
			.findFirst();
	}

}
