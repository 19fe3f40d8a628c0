package com.creditdesk.collection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.web.util.HtmlUtils;

import com.creditdesk.customer.Customer;
import com.creditdesk.receivable.Overdues.OverdueItem;
import com.creditdesk.system.Money;

/**
 * Writes the dunning letter (催款函): a statement of the customer's overdue items with invoice numbers, amounts
 * and days overdue, and the date by which to pay. A self-contained HTML page that prints on one A4 sheet.
 */
final class DunningLetters {

	private DunningLetters() {
	}

	static String render(Customer customer, long caseId, List<OverdueItem> items, LocalDate today, LocalDate payBy) {
		BigDecimal total = items.stream().map(OverdueItem::openAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
		StringBuilder rows = new StringBuilder();
		for (OverdueItem item : items) {
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
				""".formatted(esc(customer.getName()), today, esc(customer.getCreditCode()),
				esc(customer.getAddress() == null ? "" : customer.getAddress()), caseId, rows, Money.format(total),
				payBy, esc(customer.getResponsibleRep()));
	}

	private static String esc(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
