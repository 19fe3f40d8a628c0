package com.creditdesk.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.creditdesk.system.ApiAccess;
import com.creditdesk.customer.Customer;
import com.creditdesk.customer.CustomerService;
import com.creditdesk.identity.CurrentUser;
import com.creditdesk.identity.Roles;
import com.creditdesk.system.BusinessClock;
import com.creditdesk.system.ForbiddenException;
import com.creditdesk.system.InvalidRequestException;
import com.creditdesk.system.Messages;

/** The 80/20 classification (重点客户): the customers the user may see by class, and the morning's run on demand. */
@RestController
@RequestMapping("/api/key-accounts")
class KeyAccountController {

	private final KeyAccounts keyAccounts;

	private final CustomerService customers;

	KeyAccountController(KeyAccounts keyAccounts, CustomerService customers) {
		this.keyAccounts = keyAccounts;
		this.customers = customers;
	}

	record KeyAccountView(long customerId, String name, String creditCode, String responsibleRep,
			String keyAccountClass, Integer rank, BigDecimal creditSales, BigDecimal share, LocalDate asOf) {
	}

	/** The visible customers by rank, optionally of one class ({@code A}, {@code B} or {@code C}). */
	@GetMapping
	List<KeyAccountView> list(@RequestParam(name = "class", required = false) String keyAccountClass) {
		if (keyAccountClass != null && !List.of("A", "B", "C").contains(keyAccountClass)) {
			throw new InvalidRequestException(Messages.text("keyAccount.unknownClass", keyAccountClass),
					java.util.Map.of("class", Messages.text("keyAccount.unknownClass", keyAccountClass)));
		}
		return customers.visibleCustomers(CurrentUser.get())
			.stream()
			.filter(c -> c.getKeyAccountClass() != null)
			.filter(c -> keyAccountClass == null || keyAccountClass.equals(c.getKeyAccountClass()))
			.sorted(Comparator.comparing(Customer::getKeyAccountRank))
			.map(c -> new KeyAccountView(c.getId(), c.getName(), c.getCreditCode(), c.getResponsibleRep(),
					c.getKeyAccountClass(), c.getKeyAccountRank(), c.getKeyAccountSales(), c.getKeyAccountShare(),
					c.getKeyAccountAsOf()))
			.toList();
	}

	/** The morning's classification now (credit administrators), e.g. after a large ledger import. */
	@ApiAccess(roles = { Roles.CREDIT_ADMINS, Roles.CAMUNDA_ADMIN })
	@PostMapping("/classify")
	KeyAccounts.Result classify() {
		CurrentUser user = CurrentUser.get();
		if (!user.isMemberOf(Roles.CREDIT_ADMINS) && !user.isMemberOf(Roles.CAMUNDA_ADMIN)) {
			throw new ForbiddenException(Messages.text("keyAccount.classifyAdministratorsOnly"));
		}
		return keyAccounts.classify(BusinessClock.today());
	}

}
