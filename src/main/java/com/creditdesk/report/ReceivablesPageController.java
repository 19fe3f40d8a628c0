package com.creditdesk.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The receivables page: aging chart by days past due (click a bar for its invoices), split by year of origin, grade
 * mix, KPI tiles and the top overdue customers. Its data comes from the aging API with the user's own visibility.
 */
@RestController
class ReceivablesPageController {

	private final String page;

	ReceivablesPageController() throws IOException {
		this.page = new ClassPathResource("templates/receivables.html").getContentAsString(StandardCharsets.UTF_8);
	}

	@GetMapping(path = "/reports/receivables", produces = MediaType.TEXT_HTML_VALUE)
	String page() {
		return page;
	}

}
