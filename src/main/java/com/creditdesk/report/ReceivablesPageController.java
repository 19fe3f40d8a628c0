package com.creditdesk.report;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.creditdesk.system.HtmlPage;
import com.creditdesk.system.Labels;

/**
 * The receivables page: aging chart by days past due (click a bar for its invoices), split by year of origin, grade
 * mix, KPI tiles and the top overdue customers. Its data comes from the aging API with the user's own visibility.
 */
@Controller
@HtmlPage
class ReceivablesPageController {

	private final Labels labels;

	ReceivablesPageController(Labels labels) {
		this.labels = labels;
	}

	/** The page; the people's names come with it, so the charts and tables show reps by name. */
	@GetMapping(path = "/reports/receivables", produces = "text/html")
	String page(Model model) {
		model.addAttribute("people", labels.everyone());
		return "receivables";
	}

}
