package com.creditdesk.system;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.function.Consumer;

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
 * The documents CreditDesk prints (statements, dunning letters) as A4 PDFs with OpenPDF. Latin text is set in
 * Helvetica, Chinese in Adobe's standard simplified Chinese font STSong-Light (UniGB-UCS2-H), which PDF readers
 * provide, so Chinese names render without embedding a font file.
 */
public final class PdfDocuments {

	private static final Color HEADER = new Color(0xEE, 0xEE, 0xEE);

	private static final BaseFont CHINESE = chinese();

	public static final Style TITLE = new Style(16, Font.BOLD);

	public static final Style HEADING = new Style(11, Font.BOLD);

	public static final Style TEXT = new Style(9, Font.NORMAL);

	public static final Style BOLD = new Style(9, Font.BOLD);

	private PdfDocuments() {
	}

	private static BaseFont chinese() {
		try {
			return BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A type style; each character goes to Helvetica if it has it, else to the Chinese font. */
	public record Style(float size, int style) {

		public Phrase phrase(String text) {
			FontSelector selector = new FontSelector();
			selector.addFont(new Font(Font.HELVETICA, size, style));
			selector.addFont(new Font(CHINESE, size, style));
			return selector.process(text == null ? "" : text);
		}

	}

	/** Writes an A4 document with the given title and creator metadata; {@code content} adds the elements. */
	public static byte[] render(String title, Consumer<Document> content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 40, 40, 40, 40);
		PdfWriter.getInstance(document, out);
		document.addTitle(title);
		document.addCreator("CreditDesk");
		document.open();
		content.accept(document);
		document.close();
		return out.toByteArray();
	}

	public static Paragraph paragraph(String text, Style style) {
		Paragraph paragraph = new Paragraph(style.phrase(text));
		paragraph.setLeading(style.size() * 1.35f);
		return paragraph;
	}

	/** A full-width table with the given relative column widths; its first row repeats on every page. */
	public static PdfPTable table(float... widths) {
		PdfPTable table = new PdfPTable(widths);
		table.setWidthPercentage(100);
		table.setSpacingBefore(4);
		table.setSpacingAfter(10);
		table.setHeaderRows(1);
		return table;
	}

	public static void header(PdfPTable table, Style style, String... titles) {
		for (String title : titles) {
			PdfPCell cell = new PdfPCell(style.phrase(title));
			cell.setBackgroundColor(HEADER);
			table.addCell(cell);
		}
	}

	public static void cell(PdfPTable table, Style style, String text, boolean number) {
		PdfPCell cell = new PdfPCell(style.phrase(text));
		if (number) {
			cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
		}
		table.addCell(cell);
	}

	/** A label and an amount (right-aligned, thousands separators). */
	public static void row(PdfPTable table, Style label, Style value, String name, BigDecimal amount) {
		table.addCell(new PdfPCell(label.phrase(name)));
		cell(table, value, Money.format(amount), true);
	}

}
