package com.creditdesk.collection;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import com.creditdesk.customer.Customer;
import com.creditdesk.customer.CustomerService;
import com.creditdesk.identity.CurrentUser;
import com.creditdesk.system.HtmlPage;

/**
 * Collection pages (催收): the cases by status, one case with its history, letters and write-off, and the bad-debt
 * liabilities per person (呆账责任). Reps see their own customers and their own liabilities; managers and credit
 * administrators see everything. Templates {@code collections.html}, {@code collection-case.html} and
 * {@code liabilities.html} in the shared layout.
 */
@Controller
@HtmlPage
class CollectionPageController {

	private final CollectionService collections;

	private final CollectionQueries queries;

	private final CustomerService customers;

	CollectionPageController(CollectionService collections, CollectionQueries queries, CustomerService customers) {
		this.collections = collections;
		this.queries = queries;
		this.customers = customers;
	}

	record CaseRow(CollectionCase collectionCase, Customer customer) {
	}

	@GetMapping(path = "/reports/collections", produces = "text/html")
	String cases(@RequestParam(required = false) Long customerId,
			@RequestParam(defaultValue = "OPEN") CollectionCase.Status status, Model model) {
		CurrentUser user = CurrentUser.get();
		List<CollectionCase> shown;
		Customer customer = null;
		if (customerId != null) {
			customer = customers.visibleTo(customerId, user);
			shown = queries.casesOf(customerId);
			model.addAttribute("title", "催收案件 Collection cases · " + customer.getName());
		}
		else {
			shown = queries.cases(status);
			model.addAttribute("title", "催收案件 Collection cases");
		}
		List<CaseRow> rows = new ArrayList<>();
		for (CollectionCase c : shown) {
			Customer of = customers.get(c.getCustomerId());
			if (user.seesCustomerOf(of.getResponsibleRep())) {
				rows.add(new CaseRow(c, of));
			}
		}
		model.addAttribute("customer", customer);
		model.addAttribute("status", status);
		model.addAttribute("statuses", CollectionCase.Status.values());
		model.addAttribute("cases", rows);
		return "collections";
	}

	@GetMapping(path = "/reports/collections/{caseId}", produces = "text/html")
	String detail(@PathVariable long caseId, Model model) {
		CollectionCase c = collections.get(caseId);
		model.addAttribute("c", c);
		model.addAttribute("customer", customers.visibleTo(c.getCustomerId(), CurrentUser.get()));
		model.addAttribute("history", queries.historyOf(caseId));
		model.addAttribute("documents", queries.documentsOf(caseId));
		WriteOff writeOff = queries.writeOffOf(caseId).orElse(null);
		model.addAttribute("writeOff", writeOff);
		model.addAttribute("liabilities", writeOff == null ? List.of() : queries.liabilitiesOf(writeOff.getId()));
		return "collection-case";
	}

	/** One person's bad-debt liabilities added up by role. */
	record PersonTotal(String person, BigDecimal asRep, BigDecimal asApprover) {

		public BigDecimal total() {
			return asRep.add(asApprover);
		}

		PersonTotal plus(BadDebtLiability l) {
			return l.getRole() == BadDebtLiability.Role.REP ? new PersonTotal(person, asRep.add(l.getAmount()), asApprover)
					: new PersonTotal(person, asRep, asApprover.add(l.getAmount()));
		}

	}

	@GetMapping(path = "/reports/liabilities", produces = "text/html")
	String liabilities(Model model) {
		CurrentUser user = CurrentUser.get();
		List<BadDebtLiability> all = queries.liabilities(user.seesAllCustomers() ? null : user.id());
		Map<String, PersonTotal> totals = new TreeMap<>();
		for (BadDebtLiability l : all) {
			totals.merge(l.getPerson(), new PersonTotal(l.getPerson(), BigDecimal.ZERO, BigDecimal.ZERO).plus(l),
					(a, b) -> a.plus(l));
		}
		model.addAttribute("totals", new ArrayList<>(totals.values()));
		model.addAttribute("items", all);
		return "liabilities";
	}

}
