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
import java.util.Locale;
import java.util.Map;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

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

	/** The letter as an HTML page, from the template {@code templates/documents/dunning-letter.html}. */
	static String html(Letter letter, ITemplateEngine templates) {
		java.util.function.Function<BigDecimal, String> money = Money::format;
		return templates.process("documents/dunning-letter",
				new Context(Locale.SIMPLIFIED_CHINESE, Map.of("letter", letter, "money", money)));
	}

}
