package com.creditdesk.report;

import static com.creditdesk.system.HtmlPages.esc;
import static com.creditdesk.system.HtmlPages.head;
import static com.creditdesk.system.HtmlPages.money;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.creditdesk.approval.CreditDecision;
import com.creditdesk.approval.CreditDecisionService;
import com.creditdesk.approval.CreditDecisionStep;
import com.creditdesk.customer.Customer;
import com.creditdesk.customer.CustomerService;
import com.creditdesk.identity.CurrentUser;
import com.creditdesk.investigation.CreditFile;
import com.creditdesk.investigation.CreditFileSummary;
import com.creditdesk.investigation.CreditInvestigationService;

/**
 * The customer's credit page (客户信用档案): standing, credit files and the decision history with every approver's
 * step, for the rep responsible and for managers. Same login as the API (the browser asks for it).
 */
@RestController
class CustomerPageController {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneId.systemDefault());

	private final CustomerService customers;

	private final CreditInvestigationService investigations;

	private final CreditDecisionService decisions;

	CustomerPageController(CustomerService customers, CreditInvestigationService investigations,
			CreditDecisionService decisions) {
		this.customers = customers;
		this.investigations = investigations;
		this.decisions = decisions;
	}

	/** The customers the user may see, with their standing; each links to its page. */
	@GetMapping(path = "/customers", produces = MediaType.TEXT_HTML_VALUE)
	String list() {
		CurrentUser user = CurrentUser.get();
		StringBuilder html = new StringBuilder(head("Customers")).append("<h1>Customers 客户</h1><table><tr><th>Customer</th>"
				+ "<th>Status</th><th>Grade</th><th>Limit</th><th>Valid until</th><th>Next review</th><th>Rep</th></tr>");
		for (Customer c : customers.visibleCustomers(user)) {
			html.append("<tr><td><a href=\"/customers/").append(c.getId()).append("\">").append(esc(c.getName()))
				.append("</a></td><td>").append(c.getStatus()).append("</td><td>").append(esc(c.getCreditGrade()))
				.append("</td><td class=num>").append(money(c.getCreditLimit())).append("</td><td>")
				.append(c.getLimitValidUntil() == null ? "" : c.getLimitValidUntil()).append("</td><td>")
				.append(c.getNextReviewDate() == null ? "" : c.getNextReviewDate()).append("</td><td>")
				.append(esc(c.getResponsibleRep())).append("</td></tr>");
		}
		return html.append("</table></body></html>").toString();
	}

	@GetMapping(path = "/customers/{customerId}", produces = MediaType.TEXT_HTML_VALUE)
	String page(@PathVariable long customerId) {
		Customer c = customers.visibleTo(customerId, CurrentUser.get());
		StringBuilder html = new StringBuilder(head(c.getName()));
		html.append("<h1>").append(esc(c.getName())).append("</h1>");
		html.append("<table><tr><th>Unified social credit code 统一社会信用代码</th><td>").append(esc(c.getCreditCode()))
			.append("</td><th>Status 状态</th><td>").append(c.getStatus()).append("</td></tr>")
			.append("<tr><th>Grade 信用等级</th><td>").append(esc(c.getCreditGrade())).append("</td><th>Credit limit 信用额度</th><td class=num>")
			.append(money(c.getCreditLimit())).append("</td></tr>")
			.append("<tr><th>Limit valid until 额度有效期</th><td>").append(c.getLimitValidUntil() == null ? "" : c.getLimitValidUntil())
			.append("</td><th>Next review 下次复核</th><td>").append(c.getNextReviewDate() == null ? "" : c.getNextReviewDate())
			.append("</td></tr><tr><th>Responsible rep 承办人</th><td>").append(esc(c.getResponsibleRep()))
			.append("</td><th>Cash only because</th><td>").append(esc(c.getCashOnlyReason())).append("</td></tr></table>");

		html.append("<h2>Credit decisions 授信审批记录</h2>");
		List<CreditDecision> history = decisions.decisionsOf(customerId);
		if (history.isEmpty()) {
			html.append("<p>No credit decision yet.</p>");
		}
		for (CreditDecision d : history) {
			html.append("<table><tr><th>Decision</th><td>#").append(d.getId()).append(" ").append(d.getOutcome())
				.append(d.getDecidedAt() == null ? " (in progress)" : " on " + TIME.format(d.getDecidedAt()))
				.append("</td><th>Requested by</th><td>").append(esc(d.getRequestedBy())).append("</td></tr>")
				.append("<tr><th>Requested</th><td class=num>").append(money(d.getRequestedAmount()))
				.append("</td><th>Approved</th><td class=num>").append(money(d.getApprovedAmount())).append("</td></tr>")
				.append("<tr><th>Cash or collateral</th><td class=num>").append(money(d.getCashOrCollateralAmount()))
				.append("</td><th>Valid until</th><td>").append(d.getValidUntil() == null ? "" : d.getValidUntil())
				.append("</td></tr><tr><th>Routed by</th><td colspan=3>").append(esc(d.getAuthorityRule()))
				.append("</td></tr></table><table><tr><th>Level</th><th>Group</th><th>Approver</th><th>Decision</th><th>Amount</th><th>Comment</th><th>When</th></tr>");
			for (CreditDecisionStep s : d.getSteps()) {
				html.append("<tr><td>").append(s.getLevel()).append("</td><td>").append(esc(s.getApproverGroup()))
					.append("</td><td>").append(esc(s.getApprover())).append("</td><td>").append(s.getDecision())
					.append("</td><td class=num>").append(money(s.getAmount())).append("</td><td>").append(esc(s.getComment()))
					.append("</td><td>").append(TIME.format(s.getDecidedAt())).append("</td></tr>");
			}
			html.append("</table>");
		}

		html.append("<p><a href=\"/api/customers/").append(customerId)
			.append("/statement.pdf\">Statement of account 对账单 (PDF, last three months)</a> · <a href=\"/reports/collections?customerId=")
			.append(customerId).append("\">Collection cases 催收案件</a></p>");
		html.append("<h2>Credit files 客户信用状况调查表</h2>");
		List<CreditFile> files = investigations.filesOf(customerId);
		if (files.isEmpty()) {
			html.append("<p>No credit file yet.</p>");
		}
		for (CreditFile f : files) {
			html.append("<table><tr><th>File</th><td>#").append(f.getId()).append(" ").append(f.getKind()).append(", ")
				.append(f.getStatus()).append(", ").append(esc(f.getStatementPeriod())).append(f.isStatementsAudited() ? " (audited)" : " (not audited)")
				.append("</td><th>Entered</th><td>").append(esc(f.getEnteredBy())).append(", ").append(TIME.format(f.getEnteredAt()))
				.append("</td></tr><tr><th>Score / grade</th><td>").append(f.getCreditScore() == null ? "" : f.getCreditScore())
				.append(" / ").append(esc(f.getCreditGrade())).append("</td><th>Suggested limit</th><td class=num>")
				.append(money(f.getSuggestedLimit())).append("</td></tr>");
			if (f.getRatios().quickRatio() != null) {
				CreditFileSummary.summaryOf(f).ratioAssessments().forEach((name, text) -> html.append("<tr><th>")
					.append(esc(name.replace("Assessment", ""))).append("</th><td colspan=3>").append(esc(text)).append("</td></tr>"));
			}
			html.append("<tr><th>Decided by DMN</th><td colspan=3>").append(esc(f.getDecisionVersions()))
				.append("</td></tr><tr><th>Outcome</th><td colspan=3>").append(esc(f.getOutcomeNote())).append("</td></tr></table>");
		}
		return html.append("<p><a href=\"/camunda/app/tasklist/default/\">Tasklist</a> · <a href=\"/api/customers/")
			.append(customerId).append("/credit-decisions\">JSON</a></p></body></html>").toString();
	}

}
