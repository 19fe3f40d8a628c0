package com.creditdesk.report;

import static com.creditdesk.system.PdfDocuments.BOLD;
import static com.creditdesk.system.PdfDocuments.HEADING;
import static com.creditdesk.system.PdfDocuments.TEXT;
import static com.creditdesk.system.PdfDocuments.TITLE;
import static com.creditdesk.system.PdfDocuments.cell;
import static com.creditdesk.system.PdfDocuments.header;
import static com.creditdesk.system.PdfDocuments.paragraph;
import static com.creditdesk.system.PdfDocuments.row;
import static com.creditdesk.system.PdfDocuments.table;

import java.time.LocalDate;

import com.creditdesk.system.Money;
import com.creditdesk.system.PdfDocuments;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

/**
 * Prints a {@link Statement} as an A4 PDF a rep can send: the summary, every movement with the running balance,
 * and the open items with days overdue (see {@link PdfDocuments} for the fonts).
 */
final class StatementPdf {

	private StatementPdf() {
	}

	static byte[] render(Statement s, LocalDate printedOn) {
		return PdfDocuments.render("Statement of account " + s.customerName() + " " + s.from() + " – " + s.to(), document -> {
			document.add(paragraph("对账单  Statement of account", TITLE));
			document.add(paragraph(s.customerName(), HEADING));
			document.add(paragraph("统一社会信用代码 Unified social credit code: " + s.creditCode()
					+ (s.address() == null || s.address().isBlank() ? "" : "\n" + s.address()), TEXT));
			document.add(paragraph("期间 Period: " + s.from() + " – " + s.to() + "    打印日期 Printed: " + printedOn
					+ "    客户经理 Account manager: " + s.responsibleRep(), TEXT));
			document.add(paragraph(" ", TEXT));

			PdfPTable summary = table(3, 2);
			row(summary, TEXT, BOLD, "期初余额 Opening balance", s.openingBalance());
			row(summary, TEXT, BOLD, "本期发票 Invoices", s.invoiced());
			row(summary, TEXT, BOLD, "本期收款 Payments", s.paid().negate());
			row(summary, TEXT, BOLD, "红字发票 Credit notes", s.credited().negate());
			if (s.writtenOff().signum() != 0) {
				row(summary, TEXT, BOLD, "坏账核销 Written off", s.writtenOff().negate());
			}
			row(summary, BOLD, BOLD, "期末余额 Closing balance", s.closingBalance());
			document.add(summary);

			document.add(paragraph("本期明细 Movements", HEADING));
			PdfPTable lines = table(1.9f, 2f, 2.6f, 2.4f, 2.6f, 2.6f, 2.6f);
			header(lines, BOLD, "日期 Date", "类别 Kind", "单号 Reference", "说明 Detail", "借方 Debit", "贷方 Credit",
					"余额 Balance");
			cell(lines, TEXT, String.valueOf(s.from()), false);
			cell(lines, TEXT, "", false);
			cell(lines, TEXT, "", false);
			cell(lines, TEXT, "期初余额 Opening balance", false);
			cell(lines, TEXT, "", true);
			cell(lines, TEXT, "", true);
			cell(lines, TEXT, Money.format(s.openingBalance()), true);
			for (Statement.Line line : s.lines()) {
				cell(lines, TEXT, String.valueOf(line.date()), false);
				cell(lines, TEXT, kind(line.kind()), false);
				cell(lines, TEXT, line.reference(), false);
				cell(lines, TEXT, line.detail(), false);
				cell(lines, TEXT, line.debit().signum() == 0 ? "" : Money.format(line.debit()), true);
				cell(lines, TEXT, line.credit().signum() == 0 ? "" : Money.format(line.credit()), true);
				cell(lines, TEXT, Money.format(line.balance()), true);
			}
			document.add(lines);

			document.add(paragraph("截至 " + s.to() + " 未结发票 Open items at " + s.to(), HEADING));
			PdfPTable open = table(2.6f, 2, 2, 2.4f, 2.4f, 1.6f);
			header(open, BOLD, "发票号 Invoice", "开票日 Invoiced", "到期日 Due", "金额 Amount", "未付 Open", "逾期天数 Days overdue");
			for (Statement.OpenItem item : s.openItems()) {
				cell(open, TEXT, item.invoiceNumber(), false);
				cell(open, TEXT, String.valueOf(item.invoiceDate()), false);
				cell(open, TEXT, String.valueOf(item.dueDate()), false);
				cell(open, TEXT, Money.format(item.amount()), true);
				cell(open, TEXT, Money.format(item.openAmount()), true);
				cell(open, TEXT, item.daysOverdue() > 0 ? String.valueOf(item.daysOverdue()) : "", true);
			}
			PdfPCell total = new PdfPCell(BOLD.phrase("合计 Total open (逾期 overdue " + Money.format(s.overdueTotal()) + ")"));
			total.setColspan(4);
			open.addCell(total);
			cell(open, BOLD, Money.format(s.openItemsTotal()), true);
			cell(open, BOLD, "", true);
			document.add(open);
			if (s.unappliedCredit().signum() > 0) {
				document.add(paragraph("未核销预收款 Payments received but not yet applied: " + Money.format(s.unappliedCredit())
						+ " (closing balance = open items − this)", TEXT));
			}
			document.add(paragraph(" ", TEXT));
			document.add(paragraph("请核对上述往来款项；如有不符，请于收到本对账单后十日内与我司联系。"
					+ "Please check the items above and tell your account manager within ten days if anything differs.", TEXT));
		});
	}

	private static String kind(String kind) {
		return switch (kind) {
			case "INVOICE" -> "发票 Invoice";
			case "PAYMENT" -> "收款 Payment";
			case "CREDIT_NOTE" -> "红字 Credit note";
			case "WRITE_OFF" -> "核销 Write-off";
			default -> kind;
		};
	}

}
