package com.creditdesk.policy;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import com.creditdesk.identity.CurrentUser;
import com.creditdesk.system.HtmlPage;

/**
 * The policy workbench's pages (credit administrators): the decisions and candidates ({@code policy.html}), the
 * DMN editor ({@code policy-editor.html}, dmn-js bundled at build time) and a candidate with its validation, diff,
 * simulation and proposal ({@code policy-candidate.html}). The pages call {@code /api/policy}.
 */
@Controller
@HtmlPage
class PolicyPageController {

	private final PolicyCatalog catalog;

	private final PolicyService policies;

	PolicyPageController(PolicyCatalog catalog, PolicyService policies) {
		this.catalog = catalog;
		this.policies = policies;
	}

	@GetMapping(path = "/policy", produces = "text/html")
	String overview() {
		PolicyService.requireAdministrator(CurrentUser.get());
		return "policy";
	}

	@GetMapping(path = "/policy/{key}/edit", produces = "text/html")
	String editor(@PathVariable String key, @RequestParam(name = "from", required = false) Long from, Model model) {
		PolicyService.requireAdministrator(CurrentUser.get());
		catalog.get(key);
		if (from != null) {
			policies.get(from);
		}
		model.addAttribute("policyKey", key);
		model.addAttribute("candidateId", from);
		return "policy-editor";
	}

	@GetMapping(path = "/policy/candidates/{id}", produces = "text/html")
	String candidate(@PathVariable long id, Model model) {
		PolicyService.requireAdministrator(CurrentUser.get());
		model.addAttribute("candidateId", policies.get(id).getId());
		return "policy-candidate";
	}

}
