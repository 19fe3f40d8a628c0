package com.creditdesk.report;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.creditdesk.identity.CurrentUser;
import com.creditdesk.system.BusinessClock;

/** Receivables KPIs for a period (default: the 90 days up to today). */
@RestController
class KpiController {

	private final KpiService kpis;

	KpiController(KpiService kpis) {
		this.kpis = kpis;
	}

	@GetMapping("/api/reports/kpis")
	Kpis kpis(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		LocalDate end = to == null ? BusinessClock.today() : to;
		return kpis.kpis(from == null ? end.minusDays(89) : from, end, CurrentUser.get());
	}

}
