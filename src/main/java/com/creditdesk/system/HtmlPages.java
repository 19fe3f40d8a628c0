package com.creditdesk.system;

import java.math.BigDecimal;

import org.springframework.web.util.HtmlUtils;

/** The plain server-rendered pages' shared frame: head with the style and navigation, escaping, amounts. */
public final class HtmlPages {

	private HtmlPages() {
	}

	public static String head(String title) {
		return """
				<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%s · CreditDesk</title>
				<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;margin:.5rem 0 1.5rem}
				td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}th{background:#f3f3f3}
				.num{text-align:right;white-space:nowrap}h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}</style></head><body>
				<p><a href="/customers">Customers</a> · <a href="/reports/receivables">Receivables</a> ·
				<a href="/reports/collections">Collections</a> · <a href="/reports/liabilities">Bad-debt liabilities</a> ·
				<a href="/camunda/app/tasklist/default/">Tasklist</a></p>
				""".formatted(esc(title));
	}

	public static String esc(Object value) {
		return value == null ? "" : HtmlUtils.htmlEscape(value.toString());
	}

	public static String money(BigDecimal amount) {
		return amount == null ? "" : Money.format(amount);
	}

}
