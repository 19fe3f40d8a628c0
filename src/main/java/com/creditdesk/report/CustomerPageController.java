package com.creditdesk.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import com.creditdesk.approval.CreditDecisionService;
import com.creditdesk.customer.CustomerService;
import com.creditdesk.customer.TemporaryLimits;
import com.creditdesk.identity.CurrentUser;
import com.creditdesk.investigation.CreditFile;
import com.creditdesk.investigation.CreditFileSummary;
import com.creditdesk.investigation.CreditInvestigationService;
import com.creditdesk.scoring.ScoreExplanation;
import com.creditdesk.system.BusinessClock;
import com.creditdesk.system.HtmlPage;

/**
 * The customer pages (客户信用档案): the customers the user may see, and one customer's standing, credit decisions
 * with every approver's step and credit files, for the rep responsible and for managers. Templates
 * {@code customers.html} and {@code customer.html} in the shared layout; the webapps' login is enough.
 */
@Controller
@HtmlPage
class CustomerPageController {

	private final CustomerService customers;

	private final CreditInvestigationService investigations;

	private final CreditDecisionService decisions;

	private final ScoreExplanation explanation;

	private final TemporaryLimits temporaryLimits;

	CustomerPageController(CustomerService customers, CreditInvestigationService investigations,
			CreditDecisionService decisions, ScoreExplanation explanation, TemporaryLimits temporaryLimits) {
		this.temporaryLimits = temporaryLimits;
		this.explanation = explanation;
		this.customers = customers;
		this.investigations = investigations;
		this.decisions = decisions;
	}

	@GetMapping(path = "/customers", produces = "text/html")
	String list(Model model) {
		model.addAttribute("customers", customers.visibleCustomers(CurrentUser.get()));
		return "customers";
	}

	/**
	 * A credit file with its four ratio assessments by ratio name ({@code quickRatio} → "1.20 (benchmark 1:1) …")
	 * and, once scored, why it scored what it did.
	 */
	record FileView(CreditFile file, Map<String, String> ratios, ScoreExplanation.Explanation explanation) {
	}

	@GetMapping(path = "/customers/{customerId}", produces = "text/html")
	String page(@PathVariable long customerId, Model model) {
		model.addAttribute("c", customers.visibleTo(customerId, CurrentUser.get()));
		model.addAttribute("decisions", decisions.decisionsOf(customerId));
		model.addAttribute("temporaryLimits", temporaryLimits.of(customerId));
		model.addAttribute("limitHistory", customers.limitHistory(customerId));
		model.addAttribute("today", BusinessClock.today());
		List<FileView> files = investigations.filesOf(customerId).stream().map(f -> {
			Map<String, String> ratios = new LinkedHashMap<>();
			if (f.getRatios().quickRatio() != null) {
				CreditFileSummary.summaryOf(f)
					.ratioAssessments()
					.forEach((name, text) -> ratios.put(name.replace("Assessment", ""), text));
			}
			return new FileView(f, ratios, f.getCreditScore() == null || f.getRatios().quickRatio() == null ? null
					: explanation.explain(f));
		}).toList();
		model.addAttribute("files", files);
		return "customer";
	}

}
