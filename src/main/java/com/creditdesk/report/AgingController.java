package com.creditdesk.report;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.creditdesk.identity.CurrentUser;
import com.creditdesk.system.BusinessClock;

/** Receivables aging as JSON and CSV, with drill-down to the invoices behind a bucket. */
@RestController
@RequestMapping("/api/reports/aging")
class AgingController {

	private final AgingService aging;

	AgingController(AgingService aging) {
		this.aging = aging;
	}

	@GetMapping
	AgingReport aging(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(defaultValue = "customer") String groupBy,
			@RequestParam(defaultValue = "false") boolean vanishedOrHoldOnly,
			@RequestParam(required = false) String keyAccountClass) {
		return aging.aging(asOf == null ? BusinessClock.today() : asOf, groupBy, vanishedOrHoldOnly,
				keyAccountClass == null || keyAccountClass.isBlank() ? null : keyAccountClass, CurrentUser.get());
	}

	@GetMapping(path = "/csv", produces = "text/csv")
	ResponseEntity<String> agingCsv(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(defaultValue = "customer") String groupBy,
			@RequestParam(defaultValue = "false") boolean vanishedOrHoldOnly,
			@RequestParam(required = false) String keyAccountClass) {
		AgingReport report = aging(asOf, groupBy, vanishedOrHoldOnly, keyAccountClass);
		StringBuilder csv = new StringBuilder("\uFEFF").append(groupBy).append(",label,flags,open,")
			.append(String.join(",", AgingReport.BUCKETS)).append(',').append(String.join(",", AgingReport.YEARS))
			.append(",invoices\n");
		for (AgingReport.Row row : report.rows()) {
			csv.append(cell(row.key())).append(',').append(cell(row.label())).append(',').append(cell(row.flags()))
				.append(',').append(row.open().toPlainString()).append(',')
				.append(row.byDays().stream().map(v -> v.toPlainString()).collect(Collectors.joining(","))).append(',')
				.append(row.byYear().stream().map(v -> v.toPlainString()).collect(Collectors.joining(","))).append(',')
				.append(row.invoices()).append('\n');
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"aging-" + report.asOf() + "-by-" + groupBy + ".csv\"")
			.contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
			.body(csv.toString());
	}

	@GetMapping("/invoices")
	List<AgingService.AgingInvoice> invoices(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) String bucket, @RequestParam(required = false) Long customerId) {
		return aging.invoices(asOf == null ? BusinessClock.today() : asOf, bucket, customerId, CurrentUser.get());
	}

	/**
	 * One CSV cell as Excel and WPS read it: quoted when it holds a separator, quote or line break; a text that a
	 * spreadsheet would run as a formula (starting with =, +, -, @, tab or CR, e.g. a customer named
	 * "=HYPERLINK(...)") gets a leading apostrophe so that it shows as text.
	 */
	static String cell(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		String text = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
		return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
				? '"' + text.replace("\"", "\"\"") + '"' : text;
	}

}
