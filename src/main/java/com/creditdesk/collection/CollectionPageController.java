package com.creditdesk.collection;

import static com.creditdesk.system.HtmlPages.esc;
import static com.creditdesk.system.HtmlPages.head;
import static com.creditdesk.system.HtmlPages.money;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.creditdesk.customer.Customer;
import com.creditdesk.customer.CustomerService;
import com.creditdesk.identity.CurrentUser;

/**
 * Collection pages (催收): the open cases, one case with its history, letters and write-off, and the bad-debt
 * liabilities per person (呆账责任). Reps see their own customers and their own liabilities; managers and credit
 * administrators see everything.
 */
@RestController
class CollectionPageController {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneId.systemDefault());

	private final CollectionService collections;

	private final CustomerService customers;

	CollectionPageController(CollectionService collections, CustomerService customers) {
		this.collections = collections;
		this.customers = customers;
	}

	@GetMapping(path = "/reports/collections", produces = MediaType.TEXT_HTML_VALUE)
	String cases(@RequestParam(required = false) Long customerId,
			@RequestParam(defaultValue = "OPEN") CollectionCase.Status status) {
		CurrentUser user = CurrentUser.get();
		List<CollectionCase> shown;
		String title;
		if (customerId != null) {
			Customer customer = customers.visibleTo(customerId, user);
			shown = collections.casesOf(customerId);
			title = "Collection cases of " + customer.getName();
		}
		else {
			shown = collections.cases(status);
			title = "Collection cases 催收案件 (" + status + ")";
		}
		StringBuilder html = new StringBuilder(head(title)).append("<h1>").append(esc(title)).append("</h1>");
		if (customerId == null) {
			html.append("<p>Show: ");
			for (CollectionCase.Status s : CollectionCase.Status.values()) {
				html.append("<a href=\"/reports/collections?status=").append(s).append("\">").append(s).append("</a> ");
			}
			html.append("</p>");
		}
		html.append("<table><tr><th>Case</th><th>Customer</th><th>Rep</th><th>Status</th><th>Stage</th>"
				+ "<th>Days past due</th><th>Overdue</th><th>Opened</th></tr>");
		int rows = 0;
		for (CollectionCase c : shown) {
			Customer customer = customers.get(c.getCustomerId());
			if (!user.seesCustomerOf(customer.getResponsibleRep())) {
				continue;
			}
			rows++;
			html.append("<tr><td><a href=\"/reports/collections/").append(c.getId()).append("\">#").append(c.getId())
				.append("</a></td><td><a href=\"/customers/").append(customer.getId()).append("\">").append(esc(customer.getName()))
				.append("</a></td><td>").append(esc(customer.getResponsibleRep())).append("</td><td>").append(c.getStatus())
				.append("</td><td>").append(esc(c.getStage().label())).append("</td><td class=num>").append(c.getDaysPastDue())
				.append("</td><td class=num>").append(money(c.getOverdueAmount())).append("</td><td>")
				.append(TIME.format(c.getOpenedAt())).append("</td></tr>");
		}
		html.append("</table>");
		if (rows == 0) {
			html.append("<p>No cases.</p>");
		}
		return html.append("</body></html>").toString();
	}

	@GetMapping(path = "/reports/collections/{caseId}", produces = MediaType.TEXT_HTML_VALUE)
	String detail(@PathVariable long caseId) {
		CollectionCase c = collections.get(caseId);
		Customer customer = customers.visibleTo(c.getCustomerId(), CurrentUser.get());
		StringBuilder html = new StringBuilder(head("Collection case " + caseId));
		html.append("<h1>Collection case #").append(caseId).append(": ").append(esc(customer.getName())).append("</h1>")
			.append("<table><tr><th>Status</th><td>").append(c.getStatus()).append(c.getCloseReason() == null ? ""
					: " (" + esc(c.getCloseReason()) + ")")
			.append("</td><th>Stage</th><td>").append(esc(c.getStage().label()))
			.append(c.getEscalation() > 0 ? " (raised " + c.getEscalation() + " for broken promises)" : "")
			.append("</td></tr><tr><th>Overdue</th><td class=num>").append(money(c.getOverdueAmount()))
			.append("</td><th>Oldest due / days past due</th><td>").append(c.getOldestDueDate() == null ? "" : c.getOldestDueDate())
			.append(" / ").append(c.getDaysPastDue()).append("</td></tr><tr><th>Customer status</th><td>")
			.append(customer.getStatus()).append("</td><th>Responsible rep</th><td>").append(esc(customer.getResponsibleRep()))
			.append("</td></tr></table>");

		html.append("<h2>History 催收记录</h2><table><tr><th>When</th><th>What</th><th>By</th><th>Detail</th></tr>");
		for (CollectionEvent e : collections.historyOf(caseId)) {
			html.append("<tr><td>").append(TIME.format(e.getRecordedAt())).append("</td><td>").append(esc(e.getKind()))
				.append("</td><td>").append(esc(e.getRecordedBy())).append("</td><td>").append(esc(e.getDetail())).append("</td></tr>");
		}
		html.append("</table>");

		List<CollectionDocument> documents = collections.documentsOf(caseId);
		if (!documents.isEmpty()) {
			html.append("<h2>Documents 文书</h2><ul>");
			for (CollectionDocument d : documents) {
				html.append("<li>").append(esc(d.getFileName())).append(": <a href=\"/api/collections/").append(caseId)
					.append("/documents/").append(d.getId()).append("/pdf\">PDF</a> · <a href=\"/api/collections/")
					.append(caseId).append("/documents/").append(d.getId()).append("\">HTML</a> (").append(money(d.getTotalAmount()))
					.append(", ").append(TIME.format(d.getCreatedAt())).append(")</li>");
			}
			html.append("</ul>");
		}
		collections.writeOffOf(caseId).ifPresent(w -> {
			html.append("<h2>Write-off 坏账核销</h2><table><tr><th>Written off</th><td class=num>").append(money(w.getTotalAmount()))
				.append("</td><th>Proposed / approved by</th><td>").append(esc(w.getProposedBy())).append(" / ")
				.append(esc(w.getApprovedBy())).append("</td></tr><tr><th>Within the approved limit</th><td class=num>")
				.append(money(w.getCoveredAmount())).append("</td><th>Beyond it</th><td class=num>").append(money(w.getUncoveredAmount()))
				.append("</td></tr><tr><th>Policy shares (rep / approver)</th><td>").append(w.getRepPercent()).append(" % / ")
				.append(w.getApproverPercent()).append(" %</td><th>Borne by the company</th><td class=num>")
				.append(money(w.getCompanyAmount())).append("</td></tr></table>");
			liabilityTable(html, collections.liabilitiesOf(w.getId()));
		});
		return html.append("<p><a href=\"/api/collections/").append(caseId).append("\">JSON</a></p></body></html>").toString();
	}

	@GetMapping(path = "/reports/liabilities", produces = MediaType.TEXT_HTML_VALUE)
	String liabilities() {
		CurrentUser user = CurrentUser.get();
		List<BadDebtLiability> all = collections.liabilities(user.seesAllCustomers() ? null : user.id());
		StringBuilder html = new StringBuilder(head("Bad-debt liabilities"));
		html.append("<h1>Bad-debt liabilities 呆账责任</h1><p>Written-off amounts beyond an approved limit are charged in full"
				+ " to the responsible rep; amounts within it are shared by the rep and the approver who granted the limit.</p>");
		Map<String, BigDecimal[]> totals = new TreeMap<>();
		for (BadDebtLiability l : all) {
			BigDecimal[] t = totals.computeIfAbsent(l.getPerson(), k -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
			int i = l.getRole() == BadDebtLiability.Role.REP ? 0 : 1;
			t[i] = t[i].add(l.getAmount());
		}
		html.append("<table><tr><th>Person</th><th>As rep</th><th>As approver</th><th>Total</th></tr>");
		totals.forEach((person, t) -> html.append("<tr><td>").append(esc(person)).append("</td><td class=num>")
			.append(money(t[0])).append("</td><td class=num>").append(money(t[1])).append("</td><td class=num>")
			.append(money(t[0].add(t[1]))).append("</td></tr>"));
		html.append("</table>");
		if (totals.isEmpty()) {
			html.append("<p>No bad debt has been written off.</p>");
		}
		else {
			html.append("<h2>Each share</h2>");
			liabilityTable(html, all);
		}
		return html.append("<p><a href=\"/api/liabilities\">JSON</a></p></body></html>").toString();
	}

	private static void liabilityTable(StringBuilder html, List<BadDebtLiability> items) {
		html.append("<table><tr><th>Person</th><th>Role</th><th>Basis</th><th>Invoice</th><th>Base amount</th>"
				+ "<th>%</th><th>Charged</th><th>Credit decision</th><th>Recorded</th></tr>");
		for (BadDebtLiability l : items) {
			html.append("<tr><td>").append(esc(l.getPerson())).append("</td><td>").append(l.getRole()).append("</td><td>")
				.append(l.getBasis()).append("</td><td>").append(esc(l.getInvoiceNumber())).append("</td><td class=num>")
				.append(money(l.getBaseAmount())).append("</td><td class=num>").append(l.getPercent()).append("</td><td class=num>")
				.append(money(l.getAmount())).append("</td><td>").append(l.getCreditDecisionId() == null ? "" : "#" + l.getCreditDecisionId())
				.append("</td><td>").append(TIME.format(l.getRecordedAt())).append("</td></tr>");
		}
		html.append("</table>");
	}

}
