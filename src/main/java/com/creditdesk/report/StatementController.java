package com.creditdesk.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.creditdesk.customer.CustomerService;
import com.creditdesk.identity.CurrentUser;
import com.creditdesk.notification.Notifications;
import com.creditdesk.system.BusinessClock;
import com.creditdesk.system.Labels;
import com.creditdesk.system.Money;

/**
 * Customer statements (对账单): JSON and the PDF to send. The period defaults to the last three calendar months up
 * to today. Reps get their own customers' statements; managers and credit administrators everyone's.
 */
@RestController
class StatementController {

	private final StatementService statements;

	private final Notifications notifications;

	private final Labels labels;

	private final CustomerService customers;

	StatementController(StatementService statements, Notifications notifications, Labels labels,
			CustomerService customers) {
		this.customers = customers;
		this.statements = statements;
		this.labels = labels;
		this.notifications = notifications;
	}

	/** Where to mail the statement, and for which period (default: the last three calendar months). */
	record StatementMail(String to, LocalDate from, LocalDate until) {
	}

	/** What was queued: the mail's id and where it goes. */
	record StatementMailed(long mailId, String to, LocalDate from, LocalDate until) {
	}

	/**
	 * Mails the statement to the customer as a PDF (the one {@code statement.pdf} shows for the same period), recorded
	 * with the customer ({@code customer:<id>}: who, when, to whom); sent after this request commits.
	 */
	@PostMapping("/api/customers/{customerId}/statement/mail")
	@ResponseStatus(HttpStatus.ACCEPTED)
	StatementMailed mail(@PathVariable long customerId, @RequestBody StatementMail request) {
		Statement statement = statement(customerId, request.from(), request.until()); // checks who may see it
		long mailId = notifications.toAddress("to", request.to(), "statement", Map.of("customerName",
				statement.customerName(), "from", statement.from().toString(), "until", statement.to().toString(),
				"closingBalance", Money.format(statement.closingBalance()), "overdueTotal",
				Money.format(statement.overdueTotal()), "senderName", labels.person(CurrentUser.get().id())),
				StatementAttachments.reference(customerId, statement.from(), statement.to()), "customer:" + customerId,
				CurrentUser.get().id());
		return new StatementMailed(mailId, request.to().strip(), statement.from(), statement.to());
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

	/** The statements mailed to the customer: who sent which period to whom, when, and whether it left. */
	@GetMapping("/api/customers/{customerId}/statement/mails")
	List<Notifications.SentMail> mails(@PathVariable long customerId) {
		customers.visibleTo(customerId, CurrentUser.get());
		return notifications.about("customer:" + customerId);
	}

	static LocalDate defaultStart(LocalDate end) {
		return end.withDayOfMonth(1).minusMonths(2);
	}

}
