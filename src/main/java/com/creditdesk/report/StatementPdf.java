package com.creditdesk.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;

import com.creditdesk.system.Money;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontSelector;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Prints a {@link Statement} as an A4 PDF a rep can send (OpenPDF). Latin text is set in Helvetica, Chinese in
 * Adobe's standard simplified Chinese font STSong-Light (UniGB-UCS2-H), which PDF readers provide, so Chinese names
 * render without embedding a font file; amounts are right-aligned with thousands separators.
 */
final class StatementPdf {

	private static final Color HEADER = new Color(0xEE, 0xEE, 0xEE);

	private StatementPdf() {
	}

	static byte[] render(Statement s, LocalDate printedOn) {
		try {
			BaseFont chinese = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
			Style title = new Style(chinese, 16, Font.BOLD);
			Style heading = new Style(chinese, 11, Font.BOLD);
			Style text = new Style(chinese, 9, Font.NORMAL);
			Style bold = new Style(chinese, 9, Font.BOLD);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			Document document = new Document(PageSize.A4, 40, 40, 40, 40);
			PdfWriter.getInstance(document, out);
			document.addTitle("Statement of account " + s.customerName() + " " + s.from() + " – " + s.to());
			document.addCreator("CreditDesk");
			document.open();
			document.add(paragraph("对账单  Statement of account", title));
			document.add(paragraph(s.customerName(), heading));
			document.add(paragraph("统一社会信用代码 Unified social credit code: " + s.creditCode()
					+ (s.address() == null || s.address().isBlank() ? "" : "\n" + s.address()), text));
			document.add(paragraph("期间 Period: " + s.from() + " – " + s.to() + "    打印日期 Printed: " + printedOn
					+ "    客户经理 Account manager: " + s.responsibleRep(), text));
			document.add(paragraph(" ", text));

			PdfPTable summary = table(new float[] { 3, 2 });
			row(summary, text, bold, "期初余额 Opening balance", s.openingBalance());
			row(summary, text, bold, "本期发票 Invoices", s.invoiced());
			row(summary, text, bold, "本期收款 Payments", s.paid().negate());
			row(summary, text, bold, "红字发票 Credit notes", s.credited().negate());
			if (s.writtenOff().signum() != 0) {
				row(summary, text, bold, "坏账核销 Written off", s.writtenOff().negate());
			}
			row(summary, bold, bold, "期末余额 Closing balance", s.closingBalance());
			document.add(summary);

			document.add(paragraph("本期明细 Movements", heading));
			PdfPTable lines = table(new float[] { 1.9f, 2f, 2.6f, 2.4f, 2.6f, 2.6f, 2.6f });
			header(lines, bold, "日期 Date", "类别 Kind", "单号 Reference", "说明 Detail", "借方 Debit", "贷方 Credit",
					"余额 Balance");
			cell(lines, text, String.valueOf(s.from()), false);
			cell(lines, text, "", false);
			cell(lines, text, "", false);
			cell(lines, text, "期初余额 Opening balance", false);
			cell(lines, text, "", true);
			cell(lines, text, "", true);
			cell(lines, text, Money.format(s.openingBalance()), true);
			for (Statement.Line line : s.lines()) {
				cell(lines, text, String.valueOf(line.date()), false);
				cell(lines, text, kind(line.kind()), false);
				cell(lines, text, line.reference(), false);
				cell(lines, text, line.detail(), false);
				cell(lines, text, line.debit().signum() == 0 ? "" : Money.format(line.debit()), true);
				cell(lines, text, line.credit().signum() == 0 ? "" : Money.format(line.credit()), true);
				cell(lines, text, Money.format(line.balance()), true);
			}
			document.add(lines);

			document.add(paragraph("截至 " + s.to() + " 未结发票 Open items at " + s.to(), heading));
			PdfPTable open = table(new float[] { 2.6f, 2, 2, 2.4f, 2.4f, 1.6f });
			header(open, bold, "发票号 Invoice", "开票日 Invoiced", "到期日 Due", "金额 Amount", "未付 Open", "逾期天数 Days overdue");
			for (Statement.OpenItem item : s.openItems()) {
				cell(open, text, item.invoiceNumber(), false);
				cell(open, text, String.valueOf(item.invoiceDate()), false);
				cell(open, text, String.valueOf(item.dueDate()), false);
				cell(open, text, Money.format(item.amount()), true);
				cell(open, text, Money.format(item.openAmount()), true);
				cell(open, text, item.daysOverdue() > 0 ? String.valueOf(item.daysOverdue()) : "", true);
			}
			PdfPCell total = new PdfPCell(bold.phrase("合计 Total open (逾期 overdue " + Money.format(s.overdueTotal()) + ")"));
			total.setColspan(4);
			open.addCell(total);
			cell(open, bold, Money.format(s.openItemsTotal()), true);
			cell(open, bold, "", true);
			document.add(open);
			if (s.unappliedCredit().signum() > 0) {
				document.add(paragraph("未核销预收款 Payments received but not yet applied: " + Money.format(s.unappliedCredit())
						+ " (closing balance = open items − this)", text));
			}
			document.add(paragraph(" ", text));
			document.add(paragraph("请核对上述往来款项；如有不符，请于收到本对账单后十日内与我司联系。"
					+ "Please check the items above and tell your account manager within ten days if anything differs.", text));
			document.close();
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * A type style: Latin letters and digits in Helvetica, everything else (Chinese) in the CJK font, chosen per
	 * character.
	 */
	private record Style(BaseFont chinese, float size, int style) {

		Phrase phrase(String text) {
			FontSelector selector = new FontSelector();
			selector.addFont(new Font(Font.HELVETICA, size, style));
			selector.addFont(new Font(chinese, size, style));
			return selector.process(text);
		}

	}

	private static Paragraph paragraph(String text, Style style) {
		Paragraph paragraph = new Paragraph(style.phrase(text));
		paragraph.setLeading(style.size() * 1.35f);
		return paragraph;
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

	private static PdfPTable table(float[] widths) {
		PdfPTable table = new PdfPTable(widths);
		table.setWidthPercentage(100);
		table.setSpacingBefore(4);
		table.setSpacingAfter(10);
		table.setHeaderRows(1);
		return table;
	}

	private static void header(PdfPTable table, Style font, String... titles) {
		for (String title : titles) {
			PdfPCell cell = new PdfPCell(font.phrase(title));
			cell.setBackgroundColor(HEADER);
			table.addCell(cell);
		}
	}

	private static void row(PdfPTable table, Style label, Style value, String name, BigDecimal amount) {
		table.addCell(new PdfPCell(label.phrase(name)));
		cell(table, value, Money.format(amount), true);
	}

	private static void cell(PdfPTable table, Style font, String text, boolean number) {
		PdfPCell cell = new PdfPCell(font.phrase(text == null ? "" : text));
		if (number) {
			cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
		}
		table.addCell(cell);
	}

}
