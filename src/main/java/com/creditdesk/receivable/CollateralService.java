package com.creditdesk.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.creditdesk.customer.CustomerService;
import com.creditdesk.system.BusinessClock;
import com.creditdesk.system.InvalidRequestException;
import com.creditdesk.system.Money;

/** Collateral and guarantees registered for a customer. */
@Service
public class CollateralService {

	static final Set<String> KINDS = Set.of("MORTGAGE", "PLEDGE", "BANK_GUARANTEE", "THIRD_PARTY_GUARANTEE",
			"DEPOSIT");

	private final CollateralRepository collaterals;

	private final CustomerService customers;

	CollateralService(CollateralRepository collaterals, CustomerService customers) {
		this.collaterals = collaterals;
		this.customers = customers;
	}

	@Transactional
	Collateral register(long customerId, String kind, String description, BigDecimal value, LocalDate validUntil,
			String registeredBy) {
		if (kind == null || !KINDS.contains(kind)) {
			throw new InvalidRequestException("The kind must be one of " + KINDS + ".");
		}
		if (value == null || value.signum() <= 0) {
			throw new InvalidRequestException("The collateral value must be greater than zero.");
		}
		if (validUntil == null || validUntil.isBefore(BusinessClock.today())) {
			throw new InvalidRequestException("The collateral must be valid until today or later.");
		}
		if (description == null || description.isBlank()) {
			throw new InvalidRequestException("Describe the collateral (what, where, document number).");
		}
		customers.lock(customerId);
		return collaterals.save(new Collateral(customerId, kind, description.trim(), Money.of(value), validUntil,
				registeredBy));
	}

	@Transactional(readOnly = true)
	List<Collateral> of(long customerId) {
		return collaterals.findByCustomerIdOrderByValidUntilDesc(customerId);
	}

}
