package com.creditdesk.receivable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.creditdesk.customer.Customer;
import com.creditdesk.customer.CustomerService;
import com.creditdesk.customer.CustomerStatus;
import com.creditdesk.identity.CurrentUser;
import com.creditdesk.system.BusinessClock;
import com.creditdesk.system.ConflictException;
import com.creditdesk.system.ForbiddenException;
import com.creditdesk.system.Inputs;
import com.creditdesk.system.InvalidRequestException;
import com.creditdesk.system.Messages;
import com.creditdesk.system.Money;
import com.creditdesk.system.NotFoundException;

/**
 * The order credit check sales calls before confirming an order: trade within the approved limit, the rest in cash
 * or against collateral. A positive check holds the credit part for the order until it is invoiced or cancelled,
 * under the customer's lock, so two orders never use the same headroom.
 */
@Service
public class CreditCheckService {

	private final CustomerService customers;

	private final Exposures exposures;

	private final OrderReservationRepository reservations;

	private final CollateralRepository collaterals;

	private final ReceivableRepository receivables;

	private final CreditCheckProperties properties;

	private final ApplicationEventPublisher events;

	private final CreditCheckMetrics metrics;

	CreditCheckService(CustomerService customers, Exposures exposures, OrderReservationRepository reservations,
			CollateralRepository collaterals, ReceivableRepository receivables, CreditCheckProperties properties,
			ApplicationEventPublisher events, CreditCheckMetrics metrics) {
		this.customers = customers;
		this.exposures = exposures;
		this.reservations = reservations;
		this.collaterals = collaterals;
		this.receivables = receivables;
		this.properties = properties;
		this.events = events;
		this.metrics = metrics;
	}

	/** The check's answer. Amounts in CNY. */
	public record CreditCheckResult(long reservationId, long customerId, String orderReference,
			CreditCheckOutcome outcome, BigDecimal orderAmount, BigDecimal onCredit, BigDecimal withinLimit,
			BigDecimal againstCollateral, BigDecimal cashOrCollateral, String reason, BigDecimal creditLimit,
			BigDecimal exposureBefore, BigDecimal validCollateral) {
	}

	/**
	 * Checks as the given user, who must be the customer's rep or a manager (checked under the customer's lock, so
	 * the customer is read once).
	 */
	@Transactional
	public CreditCheckResult check(long customerId, String orderReference, BigDecimal amount, CurrentUser user) {
		CreditCheckMetrics.Timing timing = metrics.start();
		String checkedBy = user.id();
		String order = Inputs.requiredText("orderReference", Messages.text("label.orderReference"), orderReference, 60);
		BigDecimal orderAmount = Inputs.positiveAmount("amount", Messages.text("label.orderAmount"), amount);
		Customer customer = customers.lock(customerId);
		if (!user.seesCustomerOf(customer.getResponsibleRep())) {
			throw new ForbiddenException(Messages.text("receivable.checkNotYourCustomer", String.valueOf(customerId)));
		}
		CustomerExposure exposure = exposures.of(customerId);
		OrderReservation reservation = reservations.findByCustomerIdAndOrderReference(customerId, order)
			.orElseGet(() -> new OrderReservation(customerId, order));
		if (reservation.getStatus() == OrderReservation.Status.CONSUMED) {
			throw new ConflictException(Messages.text("receivable.orderInvoicedCheckNew", order));
		}
		if (reservation.getStatus() == OrderReservation.Status.ACTIVE) {
			exposure.addReserved(reservation.close(OrderReservation.Status.CANCELLED).negate()); // re-checked
		}
		LocalDate today = BusinessClock.today();
		String cashOnlyReason = cashOnlyReason(customer, today);
		boolean collateralCounts = customer.getStatus() != CustomerStatus.VANISHED
				&& customer.getStatus() != CustomerStatus.CLOSED;
		BigDecimal collateral = collateralCounts ? Money.of(collaterals.validValue(customerId, today)) : Money.of(BigDecimal.ZERO);
		// the limit plus a temporary increase in force today (临时额度)
		BigDecimal limit = cashOnlyReason == null ? customers.creditLimitOn(customer, today) : Money.of(BigDecimal.ZERO);
		BigDecimal before = exposure.exposure();

		BigDecimal withinLimit = orderAmount.min(limit.subtract(before).max(BigDecimal.ZERO));
		BigDecimal collateralRoom = limit.add(collateral).subtract(before).max(BigDecimal.ZERO).subtract(withinLimit)
			.max(BigDecimal.ZERO);
		BigDecimal againstCollateral = orderAmount.subtract(withinLimit).min(collateralRoom);
		BigDecimal onCredit = withinLimit.add(againstCollateral);
		BigDecimal cash = orderAmount.subtract(onCredit);
		CreditCheckOutcome outcome = cash.signum() == 0 ? CreditCheckOutcome.ON_CREDIT
				: onCredit.signum() > 0 ? CreditCheckOutcome.SPLIT : CreditCheckOutcome.CASH_ONLY;
		String reason = reason(outcome, cashOnlyReason, withinLimit, againstCollateral, cash, limit, before, collateral);
		BigDecimal pending = collateralCounts ? Money.of(collaterals.pendingValue(customerId, today)) : Money.of(BigDecimal.ZERO);
		if (pending.signum() > 0) {
			reason = reason.substring(0, reason.length() - 1) + "; collateral of " + Money.format(pending)
					+ " is awaiting a credit administrator's verification and does not count yet.";
		}

		reservation.record(orderAmount, onCredit, outcome, reason, checkedBy);
		reservation = reservations.save(reservation);
		exposure.addReserved(onCredit);
		checkUtilisation(customer, limit, exposure, cashOnlyReason);
		timing.answered(outcome);
		return new CreditCheckResult(reservation.getId(), customerId, reservation.getOrderReference(), outcome,
				orderAmount, onCredit, withinLimit, againstCollateral, cash, reason, limit, before,
				collateral);
	}

	/** The order was cancelled: the credit it held is free again. */
	@Transactional
	public void cancel(long reservationId) {
		OrderReservation reservation = reservations.findById(reservationId)
			.orElseThrow(() -> new NotFoundException(Messages.text("receivable.checkNotFound",
					String.valueOf(reservationId))));
		customers.lock(reservation.getCustomerId());
		if (reservation.getStatus() == OrderReservation.Status.CONSUMED) {
			throw new ConflictException(Messages.text("receivable.orderInvoicedUseCreditNote",
					reservation.getOrderReference()));
		}
		if (reservation.getStatus() == OrderReservation.Status.CANCELLED) {
			return;
		}
		exposures.of(reservation.getCustomerId())
			.addReserved(reservation.close(OrderReservation.Status.CANCELLED).negate());
	}

	@Transactional(readOnly = true)
	public long customerOf(long reservationId) {
		return reservations.findById(reservationId)
			.orElseThrow(() -> new NotFoundException(Messages.text("receivable.checkNotFound",
					String.valueOf(reservationId))))
			.getCustomerId();
	}

	private String cashOnlyReason(Customer customer, LocalDate today) {
		return switch (customer.getStatus()) {
			case CREDIT_HOLD -> "Credit hold" + (customer.getCashOnlyReason() == null ? "." : ": " + customer.getCashOnlyReason());
			case VANISHED -> "The customer is reported vanished.";
			case CLOSED -> "The customer account is closed.";
			case DECLINED -> "Credit declined after the investigation" + (customer.getCashOnlyReason() == null ? "."
					: ": " + customer.getCashOnlyReason());
			case WITHDRAWN -> "The credit investigation was withdrawn; no approved credit limit.";
			case PROSPECT -> "No approved credit limit yet (credit investigation not finished).";
			case ACTIVE -> {
				if (customer.getCreditLimit().signum() == 0) {
					yield "No approved credit limit.";
				}
				if (customer.getLimitValidUntil() != null && customer.getLimitValidUntil().isBefore(today)) {
					yield "The credit limit expired on " + customer.getLimitValidUntil() + ".";
				}
				LocalDate oldestDue = receivables.oldestOpenDueDate(customer.getId());
				if (oldestDue != null && oldestDue.plusDays(properties.maxDaysOverdue()).isBefore(today)) {
					yield "Overdue beyond policy: an invoice due " + oldestDue + " is more than "
							+ properties.maxDaysOverdue() + " days overdue.";
				}
				yield null;
			}
		};
	}

	private static String reason(CreditCheckOutcome outcome, String cashOnlyReason, BigDecimal withinLimit,
			BigDecimal againstCollateral, BigDecimal cash, BigDecimal limit, BigDecimal before,
			BigDecimal collateral) {
		List<String> parts = new ArrayList<>();
		if (cashOnlyReason != null) {
			parts.add(cashOnlyReason.endsWith(".") ? cashOnlyReason.substring(0, cashOnlyReason.length() - 1) : cashOnlyReason);
		}
		if (withinLimit.signum() > 0) {
			parts.add(Money.format(withinLimit) + " on credit within the limit of " + Money.format(limit)
					+ " (exposure before this order " + Money.format(before) + ")");
		}
		if (againstCollateral.signum() > 0) {
			parts.add(Money.format(againstCollateral) + " against collateral of " + Money.format(collateral));
		}
		if (cash.signum() > 0) {
			parts.add(Money.format(cash) + " must be paid in cash or secured by collateral");
		}
		if (outcome == CreditCheckOutcome.CASH_ONLY && cashOnlyReason == null) {
			parts.add("no credit left: limit " + Money.format(limit) + ", exposure "
					+ Money.format(before));
		}
		return String.join("; ", parts) + ".";
	}

	/** Utilisation above the policy threshold asks for a re-evaluation, once until it falls below again. */
	private void checkUtilisation(Customer customer, BigDecimal limit, CustomerExposure exposure,
			String cashOnlyReason) {
		if (cashOnlyReason != null || limit.signum() == 0) {
			return;
		}
		BigDecimal utilisation = exposure.exposure().divide(limit, 4, RoundingMode.HALF_UP);
		if (exposure.crossedHighUtilisation(utilisation.compareTo(properties.reviewUtilisation()) > 0)) {
			events.publishEvent(new HighCreditUtilisation(customer.getId(), utilisation, "Limit "
					+ utilisation.movePointRight(2).setScale(1, RoundingMode.HALF_UP) + " % used: exposure "
					+ Money.format(exposure.exposure()) + " of " + Money.format(limit) + "."));
		}
	}

}
