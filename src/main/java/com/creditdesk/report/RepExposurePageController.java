package com.creditdesk.report;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.creditdesk.identity.CurrentUser;
import com.creditdesk.system.HtmlPage;

/**
 * The page of exposure and liability per rep (承办人责任): each rep's line, the regions' and the total, reps by name
 * and amounts in CNY. Template {@code rep-exposure.html} in the shared layout; a rep sees her own line, managers
 * everyone's.
 */
@Controller
@HtmlPage
class RepExposurePageController {

	private final RepExposureReport report;

	RepExposurePageController(RepExposureReport report) {
		this.report = report;
	}

	@GetMapping(path = "/reports/rep-exposure", produces = "text/html")
	String page(Model model) {
		model.addAttribute("report", report.report(CurrentUser.get()));
		return "rep-exposure";
	}

}
