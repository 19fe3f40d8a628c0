package com.creditdesk.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.creditdesk.customer.CustomerService;
import com.creditdesk.system.BusinessClock;
import com.creditdesk.system.ConflictException;
import com.creditdesk.system.ForbiddenException;
import com.creditdesk.system.Inputs;
import com.creditdesk.system.NotFoundException;
import com.creditdesk.system.InvalidRequestException;
import com.creditdesk.system.Money;

/** Collateral and guarantees registered for a customer; they count for the credit check once verified. */
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
			throw Inputs.invalid("kind", "The kind must be one of " + KINDS + ".");
		}
		BigDecimal amount = Inputs.positiveAmount("value", "The collateral value", value);
		if (validUntil == null || validUntil.isBefore(BusinessClock.today())) {
			throw Inputs.invalid("validUntil", "The collateral must be valid until today or later.");
		}
		Inputs.date("validUntil", "The collateral's end of validity", validUntil, BusinessClock.today(),
				BusinessClock.today().plusYears(30));
		if (description == null || description.isBlank()) {
			throw Inputs.invalid("description", "Describe the collateral (what, where, document number).");
		}
		String described = Inputs.requiredText("description", "The description", description, 500);
		customers.lock(customerId);
		return collaterals.save(new Collateral(customerId, kind, described, amount, validUntil, registeredBy));
	}

	/**
	 * A credit administrator confirms the collateral exists and is worth what was registered (the document, the
	 * bank's confirmation of a guarantee). Four eyes: never the person who registered it. Only verified collateral
	 * counts for the credit check.
	 */
	@Transactional
	Collateral verify(long customerId, long collateralId, String verifier) {
		customers.lock(customerId);
		Collateral collateral = collaterals.findById(collateralId)
			.filter(c -> c.getCustomerId() == customerId)
			.orElseThrow(() -> new NotFoundException("Customer " + customerId + " has no collateral " + collateralId + "."));
		if (verifier.equals(collateral.getRegisteredBy())) {
			throw new ForbiddenException("Four eyes: " + verifier + " registered this collateral and cannot verify it;"
					+ " another credit administrator must.");
		}
		if (collateral.getVerifiedBy() != null) {
			throw new ConflictException("This collateral was already verified by " + collateral.getVerifiedBy() + ".");
		}
		collateral.verify(verifier);
		return collateral;
	}

	@Transactional(readOnly = true)
	List<Collateral> of(long customerId) {
		return collaterals.findByCustomerIdOrderByValidUntilDesc(customerId);
	}

}
