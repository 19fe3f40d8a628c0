package com.creditdesk.collection;

import static com.creditdesk.system.PdfDocuments.BOLD;
import static com.creditdesk.system.PdfDocuments.HEADING;
import static com.creditdesk.system.PdfDocuments.TEXT;
import static com.creditdesk.system.PdfDocuments.TITLE;
import static com.creditdesk.system.PdfDocuments.cell;
import static com.creditdesk.system.PdfDocuments.header;
import static com.creditdesk.system.PdfDocuments.paragraph;
import static com.creditdesk.system.PdfDocuments.table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.web.util.HtmlUtils;

import com.creditdesk.customer.Customer;
import com.creditdesk.receivable.Overdues.OverdueItem;
import com.creditdesk.system.Money;
import com.creditdesk.system.PdfDocuments;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

/**
 * The dunning letter (催款函): a statement of the customer's overdue items with invoice numbers, amounts and days
 * overdue, and the date by which to pay. Written once from a {@link Letter} snapshot that is kept with the case, as
 * a PDF to send and as an HTML page.
 */
final class DunningLetters {

	private DunningLetters() {
	}

	/** What the letter says, fixed when it is written. */
	record Letter(long caseId, String customerName, String creditCode, String address, String responsibleRep,
			LocalDate writtenOn, LocalDate payBy, List<OverdueItem> items, BigDecimal total) {

		static Letter of(Customer customer, long caseId, List<OverdueItem> items, LocalDate today, LocalDate payBy) {
			BigDecimal total = items.stream().map(OverdueItem::openAmount).reduce(Money.of(BigDecimal.ZERO), BigDecimal::add);
			return new Letter(caseId, customer.getName(), customer.getCreditCode(), customer.getAddress(),
					customer.getResponsibleRep(), today, payBy, List.copyOf(items), total);
		}

	}

	static byte[] pdf(Letter letter) {
		return PdfDocuments.render("Dunning letter " + letter.customerName() + " " + letter.writtenOn(), document -> {
			document.add(paragraph(letter.writtenOn().toString(), TEXT));
			document.add(paragraph(letter.customerName(), HEADING));
			document.add(paragraph("统一社会信用代码 Unified social credit code: " + letter.creditCode()
					+ (letter.address() == null || letter.address().isBlank() ? "" : "\n" + letter.address()), TEXT));
			document.add(paragraph(" ", TEXT));
			document.add(paragraph("催款函  Dunning letter", TITLE));
			document.add(paragraph("逾期对账单 Statement of overdue account — collection case " + letter.caseId(), TEXT));
			document.add(paragraph("截至" + letter.writtenOn() + "，贵司以下发票已逾期未付。According to our records, the following"
					+ " invoices are past due and unpaid as of " + letter.writtenOn() + ".", TEXT));
			PdfPTable items = table(2.6f, 2, 2, 2.4f, 2.4f, 1.6f);
			header(items, BOLD, "发票号 Invoice", "开票日 Invoiced", "到期日 Due", "金额 Amount", "未付 Open", "逾期天数 Days overdue");
			for (OverdueItem item : letter.items()) {
				cell(items, TEXT, item.invoiceNumber(), false);
				cell(items, TEXT, String.valueOf(item.invoiceDate()), false);
				cell(items, TEXT, String.valueOf(item.dueDate()), false);
				cell(items, TEXT, Money.format(item.amount()), true);
				cell(items, TEXT, Money.format(item.openAmount()), true);
				cell(items, TEXT, String.valueOf(item.daysOverdue()), true);
			}
			PdfPCell total = new PdfPCell(BOLD.phrase("逾期合计 Total overdue"));
			total.setColspan(4);
			items.addCell(total);
			cell(items, BOLD, Money.format(letter.total()), true);
			cell(items, BOLD, "", true);
			document.add(items);
			document.add(paragraph("请于" + letter.payBy() + "前付清上述款项；如有异议，请联系客户经理 " + letter.responsibleRep()
					+ "。Please pay " + Money.format(letter.total()) + " by " + letter.payBy()
					+ ", or contact your account manager if you believe this statement is wrong.", TEXT));
			document.add(paragraph("逾期款项结清前，后续发货须现款或提供担保。Until the overdue amount is paid, further deliveries"
					+ " are made against cash or collateral only.", TEXT));
		});
	}

	static String html(Letter letter) {
		StringBuilder rows = new StringBuilder();
		for (OverdueItem item : letter.items()) {
			rows.append("<tr><td>")
				.append(esc(item.invoiceNumber()))
				.append("</td><td>")
				.append(item.invoiceDate())
				.append("</td><td>")
				.append(item.dueDate())
				.append("</td><td class=\"n\">")
				.append(Money.format(item.amount()))
				.append("</td><td class=\"n\">")
				.append(Money.format(item.openAmount()))
				.append("</td><td class=\"n\">")
				.append(item.daysOverdue())
				.append("</td></tr>\n");
		}
		return """
				<!DOCTYPE html>
				<html lang="zh-CN"><head><meta charset="UTF-8">
				<title>Dunning letter 催款函 – %1$s</title>
				<style>
				body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:2cm;color:#222}
				table{border-collapse:collapse;width:100%%;margin:1em 0}th,td{border:1px solid #999;padding:4px 6px}
				th{background:#eee;text-align:left}.n{text-align:right}tfoot td{font-weight:bold}
				@media print{body{margin:1cm}}
				</style></head><body>
				<p>%2$s</p>
				<p><strong>%1$s</strong><br>Unified social credit code 统一社会信用代码: %3$s<br>%4$s</p>
				<h1>Dunning letter 催款函 (statement of overdue account 逾期对账单)</h1>
				<p>Collection case %5$d. According to our records, the following invoices are past due and unpaid
				as of %2$s. 截至%2$s，贵司以下发票已逾期未付：</p>
				<table><thead><tr><th>Invoice 发票号</th><th>Invoice date 开票日</th><th>Due date 到期日</th>
				<th class="n">Amount 金额</th><th class="n">Open 未付</th><th class="n">Days overdue 逾期天数</th></tr></thead>
				<tbody>
				%6$s</tbody>
				<tfoot><tr><td colspan="4">Total overdue 逾期合计</td><td class="n">%7$s</td><td></td></tr></tfoot></table>
				<p>Please pay %7$s by <strong>%8$s</strong>, or contact your account manager %9$s if you believe
				this statement is wrong. 请于%8$s前付清上述款项；如有异议，请联系客户经理。</p>
				<p>Until the overdue amount is paid, further deliveries are made against cash or collateral only.
				逾期款项结清前，后续发货须现款或提供担保。</p>
				</body></html>
				""".formatted(esc(letter.customerName()), letter.writtenOn(), esc(letter.creditCode()),
				esc(letter.address() == null ? "" : letter.address()), letter.caseId(), rows, Money.format(letter.total()),
				letter.payBy(), esc(letter.responsibleRep()));
	}

	private static String esc(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
