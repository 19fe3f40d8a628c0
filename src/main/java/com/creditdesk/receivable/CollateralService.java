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
import com.creditdesk.system.InvalidRequestException;
import com.creditdesk.system.Messages;
import com.creditdesk.system.Money;
import com.creditdesk.system.NotFoundException;

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
			throw Inputs.invalid("kind", Messages.text("receivable.collateralKindUnknown", KINDS.toString()));
		}
		BigDecimal amount = Inputs.positiveAmount("value", Messages.text("label.collateralValue"), value);
		if (validUntil == null || validUntil.isBefore(BusinessClock.today())) {
			throw Inputs.invalid("validUntil", Messages.text("receivable.collateralExpired"));
		}
		Inputs.date("validUntil", Messages.text("label.collateralValidUntil"), validUntil, BusinessClock.today(),
				BusinessClock.today().plusYears(30));
		if (description == null || description.isBlank()) {
			throw Inputs.invalid("description", Messages.text("receivable.collateralDescriptionMissing"));
		}
		String described = Inputs.requiredText("description", Messages.text("label.description"), description, 500);
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
			.orElseThrow(() -> new NotFoundException(Messages.text("receivable.collateralNotFound",
					String.valueOf(customerId), String.valueOf(collateralId))));
		if (verifier.equals(collateral.getRegisteredBy())) {
			throw new ForbiddenException(Messages.text("receivable.collateralOwnVerification", verifier));
		}
		if (collateral.getVerifiedBy() != null) {
			throw new ConflictException(Messages.text("receivable.collateralAlreadyVerified", collateral.getVerifiedBy()));
		}
		collateral.verify(verifier);
		return collateral;
	}

	@Transactional(readOnly = true)
	List<Collateral> of(long customerId) {
		return collaterals.findByCustomerIdOrderByValidUntilDesc(customerId);
	}

}
