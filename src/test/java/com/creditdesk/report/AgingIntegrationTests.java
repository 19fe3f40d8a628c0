package com.creditdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.creditdesk.customer.Customer;
import com.creditdesk.customer.CustomerRepository;
import com.creditdesk.customer.OwnershipType;
import com.creditdesk.support.IntegrationTestBase;
import com.creditdesk.support.TestCreditCodes;

/** Aging by days past due and by origin year, as of a date; runs on H2 and PostgreSQL. */
abstract class AgingIntegrationTests extends IntegrationTestBase {

	static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);

	@Autowired
	CustomerRepository customers;

	private Customer customer() {
		Customer customer = new Customer("Aging Co. " + System.nanoTime(), TestCreditCodes.next(), OwnershipType.PRIVATE,
				"ana");
		customer.grantLimit(BigDecimal.valueOf(10_000_000), "A", AS_OF.minusYears(5), AS_OF.plusYears(2), AS_OF.plusYears(1), null);
		return customers.save(customer);
	}

	private void invoice(Customer customer, String number, LocalDate invoiceDate, LocalDate due, long amount) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<Map> response = as("fay").exchange("/api/receivables/invoices", HttpMethod.POST,
				new HttpEntity<>(Map.of("customerId", customer.getId(), "invoiceNumber", number, "invoiceDate",
						invoiceDate.toString(), "dueDate", due.toString(), "amount", amount), headers), Map.class);
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
	}

	private void invoiceDue(Customer customer, String number, int daysOverdue, long amount) {
		LocalDate due = AS_OF.minusDays(daysOverdue);
		invoice(customer, number, due.minusDays(10), due, amount);
	}

	private Map row(String user, Customer customer, LocalDate asOf) {
		Map report = as(user).getForObject("/api/reports/aging?groupBy=customer&asOf=" + asOf, Map.class);
		return ((List<Map>) report.get("rows")).stream()
			.filter(r -> String.valueOf(customer.getId()).equals(r.get("key")))
			.findFirst()
			.orElse(null);
	}

	private static List<Double> numbers(Map row, String key) {
		return ((List<Number>) row.get(key)).stream().map(Number::doubleValue).toList();
	}

	@Test
	void bucketsByDaysPastDueWithTheirBoundaries() {
		Customer c = customer();
		invoiceDue(c, "D0", 0, 1);
		invoiceDue(c, "D1", 1, 10);
		invoiceDue(c, "D30", 30, 100);
		invoiceDue(c, "D31", 31, 1_000);
		invoiceDue(c, "D60", 60, 10_000);
		invoiceDue(c, "D61", 61, 100_000);
		invoiceDue(c, "D90", 90, 1_000_000);
		invoiceDue(c, "D91", 91, 2);
		invoiceDue(c, "D180", 180, 20);
		invoiceDue(c, "D181", 181, 200);

		Map row = row("ana", c, AS_OF);
		assertThat(numbers(row, "byDays")).containsExactly(1.0, 110.0, 11_000.0, 1_100_000.0, 22.0, 200.0);
		assertThat(((Number) row.get("open")).doubleValue()).isEqualTo(1_111_333.0);
		assertThat(((Number) row.get("invoices")).intValue()).isEqualTo(10);

		List<Map> drill = List.of(as("ana").getForObject("/api/reports/aging/invoices?bucket=31-60&asOf=" + AS_OF
				+ "&customerId=" + c.getId(), Map[].class));
		assertThat(drill).extracting(i -> i.get("invoiceNumber"), i -> ((Number) i.get("daysOverdue")).intValue())
			.containsExactly(org.assertj.core.groups.Tuple.tuple("D60", 60), org.assertj.core.groups.Tuple.tuple("D31", 31));
	}

	@Test
	void bucketsByOriginYearWithTheFirstOfJanuaryAsBoundary() {
		Customer c = customer();
		invoice(c, "Y0", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 1), 1);
		invoice(c, "Y1", LocalDate.of(2025, 12, 31), LocalDate.of(2026, 6, 1), 10);
		invoice(c, "Y1b", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 6, 1), 100);
		invoice(c, "Y2", LocalDate.of(2024, 12, 31), LocalDate.of(2026, 6, 1), 1_000);
		invoice(c, "Y3", LocalDate.of(2023, 12, 31), LocalDate.of(2026, 6, 1), 10_000);

		assertThat(numbers(row("ana", c, AS_OF), "byYear")).containsExactly(1.0, 110.0, 1_000.0, 10_000.0);
	}

	@Test
	void asOfAPastDateIgnoresLaterPaymentsAndLaterInvoices() {
		Customer c = customer();
		invoiceDue(c, "P1", 40, 5_000);
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		as("fay").exchange("/api/receivables/payments", HttpMethod.POST, new HttpEntity<>(Map.of("customerId",
				c.getId(), "reference", "PAY-LATE", "paymentDate", AS_OF.plusDays(5).toString(), "amount", 2_000),
				headers), Map.class);
		invoice(c, "LATER", AS_OF.plusDays(1), AS_OF.plusDays(30), 7_000);

		Map asOfEndOfMarch = row("ana", c, AS_OF);
		assertThat(((Number) asOfEndOfMarch.get("open")).doubleValue()).isEqualTo(5_000.0);
		Map later = row("ana", c, AS_OF.plusDays(10));
		assertThat(((Number) later.get("open")).doubleValue()).isEqualTo(3_000.0 + 7_000.0);
	}

	@Test
	void theReceivablesPageIsBehindTheLoginAndLoadsItsChartLibrary() {
		ResponseEntity<String> page = as("erik").getForEntity("/reports/receivables", String.class);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getBody()).contains("/webjars/echarts/5.3.1/dist/echarts.min.js", "/api/reports/aging?");
		assertThat(http.getForEntity("/webjars/echarts/5.3.1/dist/echarts.min.js", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(http.getForEntity("/reports/receivables", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void repsSeeTheirOwnCustomersManagersSeeAllAndCsvHasTheColumns() {
		Customer c = customer();
		invoiceDue(c, "V1", 5, 500);
		assertThat(row("ben", c, AS_OF)).isNull();
		assertThat(row("clara", c, AS_OF)).isNotNull();

		Map byRep = as("clara").getForObject("/api/reports/aging?groupBy=rep&asOf=" + AS_OF, Map.class);
		assertThat((List<Map>) byRep.get("rows")).extracting(r -> r.get("key")).contains("ana");

		ResponseEntity<String> csv = as("ana").getForEntity("/api/reports/aging/csv?asOf=" + AS_OF, String.class);
		assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
		String[] lines = csv.getBody().split("\n");
		assertThat(lines[0]).isEqualTo(
				"\uFEFFcustomer,label,flags,open,current,1-30,31-60,61-90,91-180,over180,thisYear,lastYear,twoYearsAgo,older,invoices");
		assertThat(csv.getBody()).contains(c.getId() + "," + c.getName() + ",ACTIVE,500.00,0.00,500.00,");
	}

}
