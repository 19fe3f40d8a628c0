package com.creditdesk.receivable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import com.creditdesk.receivable.LedgerLines.InvoiceLine;
import com.creditdesk.receivable.LedgerLines.LineError;
import com.creditdesk.system.InvalidRequestException;
import com.creditdesk.system.Messages;

/**
 * Reads the ERP's invoice export: UTF-8 (with or without BOM) or GB18030/GBK, at most 10 MB, comma-separated, a header row naming the columns
 * {@code customer_code} (unified social credit code) or {@code customer_id}, {@code invoice_number},
 * {@code order_reference}, {@code invoice_date}, {@code due_date}, {@code amount} and optionally {@code currency}.
 * Dates as {@code 2026-03-31} or {@code 2026/03/31}; amounts may carry thousands separators in quotes.
 */
final class InvoiceCsv {

	private static final List<String> REQUIRED = List.of("invoice_number", "invoice_date", "due_date", "amount");

	private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d");

	private InvoiceCsv() {
	}

	record Parsed(List<InvoiceLine> lines, List<LineError> errors) {
	}

	/** The largest file accepted: 10 MB, about 100,000 invoice lines. */
	static final int MAX_BYTES = 10 * 1024 * 1024;

	static Parsed parse(InputStream input) throws IOException {
		byte[] bytes = input.readNBytes(MAX_BYTES + 1);
		if (bytes.length > MAX_BYTES) {
			throw new FileTooLargeException(Messages.text("receivable.fileTooLarge",
					String.valueOf(MAX_BYTES / (1024 * 1024))));
		}
		BufferedReader reader = new BufferedReader(new StringReader(decode(bytes)));
		String header = reader.readLine();
		if (header == null) {
			return new Parsed(List.of(), List.of(new LineError(0, Messages.text("receivable.fileEmpty"))));
		}
		if (header.startsWith("\uFEFF")) {
			header = header.substring(1);
		}
		Map<String, Integer> columns = new HashMap<>();
		List<String> names = split(header);
		for (int i = 0; i < names.size(); i++) {
			columns.put(names.get(i).trim().toLowerCase(Locale.ROOT), i);
		}
		List<String> missing = new ArrayList<>(REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList());
		if (!columns.containsKey("customer_code") && !columns.containsKey("customer_id")) {
			missing.add(Messages.text("system.listOr", "customer_code", "customer_id"));
		}
		if (!missing.isEmpty()) {
			return new Parsed(List.of(), List.of(new LineError(0, Messages.text("receivable.headerLacksColumns",
					missing.toString(), names.toString()))));
		}
		List<InvoiceLine> lines = new ArrayList<>();
		List<LineError> errors = new ArrayList<>();
		String row;
		int number = 0;
		while ((row = reader.readLine()) != null) {
			if (row.isBlank()) {
				continue;
			}
			number++;
			List<String> cells = split(row);
			try {
				String customerId = cell(cells, columns, "customer_id");
				lines.add(new InvoiceLine(customerId == null ? null : number(customerId, "customer_id"),
						cell(cells, columns, "customer_code"), cell(cells, columns, "invoice_number"),
						cell(cells, columns, "order_reference"), date(cell(cells, columns, "invoice_date"), "invoice_date"),
						date(cell(cells, columns, "due_date"), "due_date"), amount(cell(cells, columns, "amount")),
						cell(cells, columns, "currency")));
			}
			catch (IllegalArgumentException e) {
				errors.add(new LineError(number, e.getMessage()));
				lines.add(null);
			}
		}
		return new Parsed(lines, errors);
	}

	/**
	 * UTF-8 (what CreditDesk's own exports and most ERPs write) or, when the bytes are not valid UTF-8, GB18030 (a
	 * superset of GBK, what Excel on a Chinese Windows writes as "CSV"): Chinese names arrive as written either way.
	 */
	static String decode(byte[] bytes) {
		try {
			return strictly(StandardCharsets.UTF_8, bytes);
		}
		catch (CharacterCodingException notUtf8) {
			try {
				return strictly(Charset.forName("GB18030"), bytes);
			}
			catch (CharacterCodingException neither) {
				throw new InvalidRequestException(Messages.text("receivable.fileEncoding"));
			}
		}
	}

	/** The text, or an exception at the first byte sequence that is not valid in {@code charset}. */
	private static String strictly(Charset charset, byte[] bytes) throws CharacterCodingException {
		return charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT)
			.decode(ByteBuffer.wrap(bytes))
			.toString();
	}

	/** A file beyond {@link InvoiceCsv#MAX_BYTES}: answered 413. */
	static class FileTooLargeException extends ResponseStatusException {

		FileTooLargeException(String message) {
			super(HttpStatus.PAYLOAD_TOO_LARGE, message);
		}

	}

	private static String cell(List<String> cells, Map<String, Integer> columns, String name) {
		Integer index = columns.get(name);
		if (index == null || index >= cells.size()) {
			return null;
		}
		String value = cells.get(index).trim();
		return value.isEmpty() ? null : value;
	}

	private static LocalDate date(String value, String column) {
		if (value == null) {
			throw new IllegalArgumentException(Messages.text("receivable.cellEmpty", column));
		}
		try {
			return value.contains("/") ? LocalDate.parse(value, SLASHED) : LocalDate.parse(value);
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException(Messages.text("receivable.cellNotADate", column, value));
		}
	}

	private static BigDecimal amount(String value) {
		if (value == null) {
			throw new IllegalArgumentException(Messages.text("receivable.cellEmpty", "amount"));
		}
		try {
			return new BigDecimal(value.replace(",", ""));
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException(Messages.text("receivable.cellNotANumber", "amount", value));
		}
	}

	private static Long number(String value, String column) {
		try {
			return Long.valueOf(value);
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException(Messages.text("receivable.cellNotANumber", column, value));
		}
	}

	/** Splits one CSV line: commas separate, double quotes enclose, a doubled quote is a quote. */
	static List<String> split(String line) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else {
				cell.append(c);
			}
		}
		cells.add(cell.toString());
		return cells;
	}

}
