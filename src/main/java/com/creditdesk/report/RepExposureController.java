package com.creditdesk.report;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.creditdesk.identity.CurrentUser;

/** Exposure and liability per rep (承办人责任) as JSON, with the user's own visibility. */
@RestController
class RepExposureController {

	private final RepExposureReport report;

	RepExposureController(RepExposureReport report) {
		this.report = report;
	}

	@GetMapping("/api/reports/rep-exposure")
	RepExposureReport.Report repExposure() {
		return report.report(CurrentUser.get());
	}

}
