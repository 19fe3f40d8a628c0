package com.creditdesk.report;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.creditdesk.identity.CurrentUser;
import com.creditdesk.system.BusinessClock;

/**
 * Customer statements (对账单): JSON and the PDF to send. The period defaults to the last three calendar months up
 * to today. Reps get their own customers' statements; managers and credit administrators everyone's.
 */
@RestController
class StatementController {

	private final StatementService statements;

	StatementController(StatementService statements) {
		this.statements = statements;
	}

	@GetMapping("/api/customers/{customerId}/statement")
	Statement statement(@PathVariable long customerId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		LocalDate end = to == null ? BusinessClock.today() : to;
		return statements.statement(customerId, from == null ? defaultStart(end) : from, end, CurrentUser.get());
	}

	@GetMapping("/api/customers/{customerId}/statement.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable long customerId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		Statement statement = statement(customerId, from, to);
		byte[] pdf = StatementPdf.render(statement, BusinessClock.today());
		String file = "statement-" + statement.creditCode() + "-" + statement.from() + "-" + statement.to() + ".pdf";
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
			.body(pdf);
	}

	static LocalDate defaultStart(LocalDate end) {
		return end.withDayOfMonth(1).minusMonths(2);
	}

}
