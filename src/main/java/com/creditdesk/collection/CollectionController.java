package com.creditdesk.collection;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.creditdesk.system.ApiAccess;
import com.creditdesk.customer.Customer;
import com.creditdesk.customer.CustomerService;
import com.creditdesk.identity.CurrentUser;
import com.creditdesk.identity.Roles;
import com.creditdesk.system.BusinessClock;
import com.creditdesk.system.ForbiddenException;
import com.creditdesk.system.Messages;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Collection cases over HTTP: the detection run on demand, each case with its history, letters and write-off,
 * disputes and vanished debtors, and the bad-debt liabilities per person. Reps see their own customers' cases
 * and their own liabilities; managers and credit administrators see all.
 */
@RestController
@RequestMapping("/api")
class CollectionController {

	private final CollectionService collections;

	private final CollectionQueries queries;

	private final CollectionStages stages;

	private final CollectionRecords records;

	private final DisputeService disputes;

	private final CollectionDetection detection;

	private final CustomerService customers;

	private final com.creditdesk.notification.Notifications notifications;

	CollectionController(CollectionService collections, CollectionQueries queries, CollectionRecords records,
			DisputeService disputes, CollectionDetection detection, CustomerService customers, CollectionStages stages,
			com.creditdesk.notification.Notifications notifications) {
		this.notifications = notifications;
		this.stages = stages;
		this.collections = collections;
		this.queries = queries;
		this.records = records;
		this.disputes = disputes;
		this.detection = detection;
		this.customers = customers;
	}

	@ApiAccess(roles = { Roles.CREDIT_ADMINS, Roles.CAMUNDA_ADMIN })
	@PostMapping("/collections/run-detection")
	CollectionDetection.DetectionResult runDetection() {
		CurrentUser user = CurrentUser.get();
		if (!user.isMemberOf(Roles.CREDIT_ADMINS) && !user.isMemberOf(Roles.CAMUNDA_ADMIN)) {
			throw new ForbiddenException(Messages.text("collection.detectionAdministratorsOnly"));
		}
		return detection.run(BusinessClock.today());
	}

	record CaseSummary(long id, long customerId, String customerName, String responsibleRep, CollectionCase.Status status,
			String stage, String stageLabel, int daysPastDue, BigDecimal overdueAmount, LocalDate oldestDueDate,
			Instant openedAt, Instant closedAt, String processInstanceId) {
	}

	@GetMapping("/collections")
	List<CaseSummary> cases(@RequestParam(defaultValue = "OPEN") CollectionCase.Status status) {
		CurrentUser user = CurrentUser.get();
		List<CaseSummary> visible = new ArrayList<>();
		for (CollectionCase c : queries.cases(status)) {
			Customer customer = customers.get(c.getCustomerId());
			if (user.seesCustomerOf(customer.getResponsibleRep())) {
				visible.add(summary(c, customer));
			}
		}
		return visible;
	}

	@GetMapping("/customers/{customerId}/collections")
	List<CaseSummary> casesOf(@PathVariable long customerId) {
		Customer customer = customers.visibleTo(customerId, CurrentUser.get());
		return queries.casesOf(customerId).stream().map(c -> summary(c, customer)).toList();
	}

	private CaseSummary summary(CollectionCase c, Customer customer) {
		return new CaseSummary(c.getId(), c.getCustomerId(), customer.getName(), customer.getResponsibleRep(),
				c.getStatus(), c.getStage(), stages.name(c.getStage()), c.getDaysPastDue(), c.getOverdueAmount(),
				c.getOldestDueDate(), c.getOpenedAt(), c.getClosedAt(), c.getProcessInstanceId());
	}

	@GetMapping("/collections/{caseId}")
	Map<String, Object> detail(@PathVariable long caseId) {
		CollectionCase c = visibleCase(caseId);
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("case", summary(c, customers.get(c.getCustomerId())));
		view.put("escalation", c.getEscalation());
		view.put("collectionAction", c.getCollectionAction());
		view.put("writeOffProposedBy", c.getWriteOffProposedBy());
		view.put("closeReason", c.getCloseReason());
		view.put("actions", queries.actionsOf(caseId)
			.stream()
			.map(a -> Map.of("action", a.getAction(), "detail", a.getDetail() == null ? "" : a.getDetail(), "doneAt", a.getDoneAt()))
			.toList());
		view.put("history", queries.historyOf(caseId)
			.stream()
			.map(e -> {
				Map<String, Object> line = new LinkedHashMap<>();
				line.put("kind", e.getKind());
				line.put("detail", e.getDetail());
				line.put("recordedBy", e.getRecordedBy());
				line.put("recordedAt", e.getRecordedAt());
				return line;
			})
			.toList());
		view.put("promises", queries.promisesOf(caseId)
			.stream()
			.map(p -> Map.of("promisedDate", p.getPromisedDate(), "promisedAmount", p.getPromisedAmount(), "status",
					p.getStatus(), "recordedBy", p.getRecordedBy()))
			.toList());
		view.put("paymentPlan", queries.planOf(caseId)
			.stream()
			.map(i -> Map.of("seq", i.getSeq(), "dueDate", i.getDueDate(), "amount", i.getAmount(), "status", i.getStatus()))
			.toList());
		view.put("disputes", queries.disputesOf(caseId)
			.stream()
			.map(d -> {
				Map<String, Object> line = new LinkedHashMap<>();
				line.put("id", d.getId());
				line.put("reason", d.getReason());
				line.put("status", d.getStatus());
				line.put("raisedBy", d.getRaisedBy());
				line.put("resolution", d.getResolution());
				return line;
			})
			.toList());
		view.put("documents", queries.documentsOf(caseId)
			.stream()
			.map(d -> Map.of("id", d.getId(), "kind", d.getKind(), "fileName", d.getFileName(), "totalAmount",
					d.getTotalAmount(), "createdAt", d.getCreatedAt(), "href",
					"/api/collections/" + caseId + "/documents/" + d.getId(), "pdf",
					"/api/collections/" + caseId + "/documents/" + d.getId() + "/pdf"))
			.toList());
		// what CreditDesk mailed about the case (letters to the customer, notices to the rep): who, when, to whom
		view.put("mails", notifications.about(LetterMail.about(caseId)));
		queries.writeOffOf(caseId).ifPresent(w -> view.put("writeOff", writeOffView(w)));
		return view;
	}

	private Map<String, Object> writeOffView(WriteOff w) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", w.getId());
		view.put("proposedBy", w.getProposedBy());
		view.put("approvedBy", w.getApprovedBy());
		view.put("reason", w.getReason());
		view.put("totalAmount", w.getTotalAmount());
		view.put("coveredAmount", w.getCoveredAmount());
		view.put("uncoveredAmount", w.getUncoveredAmount());
		view.put("repPercent", w.getRepPercent());
		view.put("approverPercent", w.getApproverPercent());
		view.put("companyAmount", w.getCompanyAmount());
		view.put("writtenOffAt", w.getWrittenOffAt());
		view.put("liabilities", queries.liabilitiesOf(w.getId()).stream().map(CollectionController::liabilityView).toList());
		return view;
	}

	private static Map<String, Object> liabilityView(BadDebtLiability l) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("person", l.getPerson());
		view.put("role", l.getRole());
		view.put("basis", l.getBasis());
		view.put("invoiceNumber", l.getInvoiceNumber());
		view.put("baseAmount", l.getBaseAmount());
		view.put("percent", l.getPercent());
		view.put("amount", l.getAmount());
		view.put("creditDecisionId", l.getCreditDecisionId());
		view.put("writeOffId", l.getWriteOffId());
		view.put("recordedAt", l.getRecordedAt());
		return view;
	}

	@GetMapping("/collections/{caseId}/documents/{documentId}")
	ResponseEntity<byte[]> document(@PathVariable long caseId, @PathVariable long documentId) {
		visibleCase(caseId);
		CollectionDocument document = queries.document(caseId, documentId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(document.getMediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(document.getFileName() + ".html", StandardCharsets.UTF_8)
				.build()
				.toString())
			.body(document.getContent().getBytes(StandardCharsets.UTF_8));
	}

	/** The dunning letter as a PDF to send, printed from the figures it was written with. */
	@GetMapping("/collections/{caseId}/documents/{documentId}/pdf")
	ResponseEntity<byte[]> documentPdf(@PathVariable long caseId, @PathVariable long documentId) {
		visibleCase(caseId);
		CollectionDocument document = queries.document(caseId, documentId);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(document.getFileName() + ".pdf", StandardCharsets.UTF_8)
				.build()
				.toString())
			.body(queries.letterPdf(document));
	}

	record DisputeRequest(@NotBlank String invoiceNumber, @NotBlank @Size(min = 5, max = 1000) String reason) {
	}

	@PostMapping("/collections/{caseId}/disputes")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> dispute(@PathVariable long caseId, @Valid @RequestBody DisputeRequest body) {
		visibleCase(caseId);
		Dispute dispute = disputes.raiseDispute(caseId, body.invoiceNumber(), body.reason(), CurrentUser.get().id(),
				BusinessClock.today());
		return Map.of("id", dispute.getId(), "status", dispute.getStatus());
	}

	record VanishedReport(@NotBlank @Size(min = 5, max = 1000) String reason) {
	}

	@PostMapping("/collections/{caseId}/vanished")
	Map<String, Object> vanished(@PathVariable long caseId, @Valid @RequestBody VanishedReport body) {
		CollectionCase c = visibleCase(caseId);
		records.reportVanished(caseId, CurrentUser.get().id(), body.reason());
		return Map.of("caseId", caseId, "customerId", c.getCustomerId(), "status", "VANISHED");
	}

	record PersonLiability(String person, BigDecimal total, BigDecimal asRep, BigDecimal asApprover,
			List<Map<String, Object>> items) {
	}

	/** Bad-debt liabilities per person: reps see their own, managers and credit administrators everyone's. */
	@GetMapping("/liabilities")
	List<PersonLiability> liabilities(@RequestParam(required = false) String person) {
		CurrentUser user = CurrentUser.get();
		String who = person;
		if (!user.seesAllCustomers()) {
			if (person != null && !person.equals(user.id())) {
				throw new ForbiddenException(Messages.text("collection.ownLiabilitiesOnly"));
			}
			who = user.id();
		}
		Map<String, List<BadDebtLiability>> byPerson = new java.util.TreeMap<>();
		for (BadDebtLiability l : queries.liabilities(who)) {
			byPerson.computeIfAbsent(l.getPerson(), k -> new ArrayList<>()).add(l);
		}
		List<PersonLiability> result = new ArrayList<>();
		byPerson.forEach((name, items) -> {
			BigDecimal asRep = sum(items, BadDebtLiability.Role.REP);
			BigDecimal asApprover = sum(items, BadDebtLiability.Role.APPROVER);
			result.add(new PersonLiability(name, asRep.add(asApprover), asRep, asApprover,
					items.stream().map(CollectionController::liabilityView).toList()));
		});
		return result;
	}

	private static BigDecimal sum(List<BadDebtLiability> items, BadDebtLiability.Role role) {
		return items.stream()
			.filter(l -> l.getRole() == role)
			.map(BadDebtLiability::getAmount)
			.reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
	}

	private CollectionCase visibleCase(long caseId) {
		CollectionCase c = collections.get(caseId);
		customers.visibleTo(c.getCustomerId(), CurrentUser.get());
		return c;
	}

}
