package com.creditdesk.receivable;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.creditdesk.system.ApiAccess;
import com.creditdesk.customer.CustomerService;
import com.creditdesk.identity.CurrentUser;
import com.creditdesk.identity.Roles;
import com.creditdesk.receivable.LedgerLines.CreditNoteLine;
import com.creditdesk.receivable.LedgerLines.InvoiceLine;
import com.creditdesk.receivable.LedgerLines.PaymentLine;
import com.creditdesk.receivable.LedgerLines.PostingResult;
import com.creditdesk.system.ForbiddenException;
import com.creditdesk.system.InvalidRequestException;
import com.creditdesk.system.Messages;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The receivables ledger feed (credit administrators and the ERP integration post; reps and managers read) and
 * the order credit check (reps for their customers, managers for all).
 */
@RestController
@RequestMapping("/api")
class ReceivableController {

	private final LedgerService ledger;

	private final CreditCheckService checks;

	private final CollateralService collaterals;

	private final CustomerService customers;

	private final Exposures exposures;

	ReceivableController(LedgerService ledger, CreditCheckService checks, CollateralService collaterals,
			CustomerService customers, Exposures exposures) {
		this.ledger = ledger;
		this.checks = checks;
		this.collaterals = collaterals;
		this.customers = customers;
		this.exposures = exposures;
	}

	@ApiAccess(roles = { Roles.CREDIT_ADMINS, Roles.CAMUNDA_ADMIN }, note = "ERP 数据接口 The ERP feed")
	@PostMapping("/receivables/invoices")
	@ResponseStatus(HttpStatus.CREATED)
	PostingResult postInvoice(@RequestBody InvoiceLine line) {
		requireFeed();
		return ledger.postInvoice(line);
	}

	@ApiAccess(roles = { Roles.CREDIT_ADMINS, Roles.CAMUNDA_ADMIN }, note = "ERP 数据接口 The ERP feed")
	@PostMapping("/receivables/invoices/batch")
	@ResponseStatus(HttpStatus.CREATED)
	List<PostingResult> postInvoices(@RequestBody List<InvoiceLine> lines) {
		requireFeed();
		return ledger.postInvoices(lines);
	}

	/** The ERP's CSV export, as the request body ({@code text/csv}) or as a multipart field {@code file}. */
	@ApiAccess(roles = { Roles.CREDIT_ADMINS, Roles.CAMUNDA_ADMIN }, note = "ERP 数据接口 The ERP feed")
	@PostMapping(path = "/receivables/invoices/import", consumes = { "text/csv", "text/plain" })
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> importCsv(HttpServletRequest request) throws IOException {
		requireFeed();
		try (InputStream body = request.getInputStream()) {
			return summary(ledger.importInvoices(body));
		}
	}

	@ApiAccess(roles = { Roles.CREDIT_ADMINS, Roles.CAMUNDA_ADMIN }, note = "ERP 数据接口 The ERP feed")
	@PostMapping(path = "/receivables/invoices/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> importCsvFile(@RequestParam("file") MultipartFile file) throws IOException {
		requireFeed();
		try (InputStream body = file.getInputStream()) {
			return summary(ledger.importInvoices(body));
		}
	}

	@ApiAccess(roles = { Roles.CREDIT_ADMINS, Roles.CAMUNDA_ADMIN }, note = "ERP 数据接口 The ERP feed")
	@PostMapping("/receivables/payments")
	@ResponseStatus(HttpStatus.CREATED)
	PostingResult postPayment(@RequestBody PaymentLine line) {
		requireFeed();
		return ledger.postPayment(line);
	}

	@ApiAccess(roles = { Roles.CREDIT_ADMINS, Roles.CAMUNDA_ADMIN }, note = "ERP 数据接口 The ERP feed")
	@PostMapping("/receivables/credit-notes")
	@ResponseStatus(HttpStatus.CREATED)
	PostingResult postCreditNote(@RequestBody CreditNoteLine line) {
		requireFeed();
		return ledger.postCreditNote(line);
	}

	record ReceivableView(long id, String invoiceNumber, String orderReference, LocalDate invoiceDate,
			LocalDate dueDate, BigDecimal amount, BigDecimal openAmount, String currency, String responsibleRep,
			BigDecimal coveredAmount, Long creditDecisionId, Receivable.Status status) {
	}

	@GetMapping("/customers/{customerId}/receivables")
	List<ReceivableView> receivables(@PathVariable long customerId) {
		customers.visibleTo(customerId, CurrentUser.get());
		return ledger.receivablesOf(customerId)
			.stream()
			.map(r -> new ReceivableView(r.getId(), r.getInvoiceNumber(), r.getOrderReference(), r.getInvoiceDate(),
					r.getDueDate(), r.getAmount(), r.getOpenAmount(), r.getCurrency(), r.getResponsibleRep(),
					r.getCoveredAmount(), r.getCreditDecisionId(), r.getStatus()))
			.toList();
	}

	@GetMapping("/customers/{customerId}/exposure")
	Map<String, Object> exposure(@PathVariable long customerId) {
		var customer = customers.visibleTo(customerId, CurrentUser.get());
		CustomerExposure e = exposures.find(customerId);
		return Map.of("customerId", customerId, "creditLimit", customer.getCreditLimit(), "openReceivables",
				e.getOpenReceivables(), "reserved", e.getReserved(), "exposure", e.exposure(), "unappliedCredit",
				e.getUnappliedCredit());
	}

	record CheckRequest(Long customerId, String orderReference, BigDecimal amount) {
	}

	@PostMapping("/credit-checks")
	CreditCheckService.CreditCheckResult check(@RequestBody CheckRequest request) {
		if (request.customerId() == null) {
			throw new InvalidRequestException(Messages.text("receivable.customerIdMissing"));
		}
		return checks.check(request.customerId(), request.orderReference(), request.amount(), CurrentUser.get());
	}

	@DeleteMapping("/credit-checks/{reservationId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void cancel(@PathVariable long reservationId) {
		customers.visibleTo(checks.customerOf(reservationId), CurrentUser.get());
		checks.cancel(reservationId);
	}

	record CollateralRequest(String kind, String description, BigDecimal value, LocalDate validUntil) {
	}

	record CollateralView(long id, String kind, String description, BigDecimal value, LocalDate validUntil,
			String registeredBy, String status, String verifiedBy, java.time.Instant verifiedAt) {

		static CollateralView of(Collateral c) {
			return new CollateralView(c.getId(), c.getKind(), c.getDescription(), c.getValue(), c.getValidUntil(),
					c.getRegisteredBy(), c.getVerifiedBy() == null ? "PENDING_VERIFICATION" : "VERIFIED",
					c.getVerifiedBy(), c.getVerifiedAt());
		}

	}

	@PostMapping("/customers/{customerId}/collateral")
	@ResponseStatus(HttpStatus.CREATED)
	CollateralView registerCollateral(@PathVariable long customerId, @RequestBody CollateralRequest request) {
		CurrentUser user = CurrentUser.get();
		customers.visibleTo(customerId, user);
		Collateral c = collaterals.register(customerId, request.kind(), request.description(), request.value(),
				request.validUntil(), user.id());
		return CollateralView.of(c);
	}

	/** A credit administrator other than the registrant verifies the collateral; only then does it count. */
	@ApiAccess(roles = Roles.CREDIT_ADMINS, note = "不得核验本人登记的担保 Never the person who registered it")
	@PostMapping("/customers/{customerId}/collateral/{collateralId}/verification")
	CollateralView verifyCollateral(@PathVariable long customerId, @PathVariable long collateralId) {
		CurrentUser user = CurrentUser.get();
		if (!user.isMemberOf(Roles.CREDIT_ADMINS)) {
			throw new ForbiddenException(Messages.text("receivable.verificationAdministratorsOnly"));
		}
		return CollateralView.of(collaterals.verify(customerId, collateralId, user.id()));
	}

	@GetMapping("/customers/{customerId}/collateral")
	List<CollateralView> collateral(@PathVariable long customerId) {
		customers.visibleTo(customerId, CurrentUser.get());
		return collaterals.of(customerId)
			.stream()
			.map(CollateralView::of)
			.toList();
	}

	private static Map<String, Object> summary(List<PostingResult> results) {
		long posted = results.stream().filter(r -> r.posting() == LedgerLines.Posting.POSTED).count();
		return Map.of("lines", results.size(), "posted", posted, "alreadyPosted", results.size() - posted, "results",
				results);
	}

	private static void requireFeed() {
		CurrentUser user = CurrentUser.get();
		if (!user.isMemberOf(Roles.CREDIT_ADMINS) && !user.isMemberOf(Roles.CAMUNDA_ADMIN)) {
			throw new ForbiddenException(Messages.text("receivable.feedOnly"));
		}
	}

}
