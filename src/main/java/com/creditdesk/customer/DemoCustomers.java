package com.creditdesk.customer;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Two demo customers for the demo profile, created once. */
@Component
@ConditionalOnProperty(name = "creditdesk.demo.enabled", havingValue = "true")
class DemoCustomers implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCustomers.class);

	private final CustomerRepository customers;

	DemoCustomers(CustomerRepository customers) {
		this.customers = customers;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (customers.count() > 0) {
			return;
		}
		Customer east = new Customer("杭州东方五金贸易有限公司 Hangzhou Dongfang Hardware Trading", "91330100MA2AB3C4DX",
				OwnershipType.PRIVATE, "ana");
		east.updateFacts(east.getName(), OwnershipType.PRIVATE, "Hardware wholesale", "East China", "MEDIUM",
				"88 Wensan Road, Hangzhou", "Zhang Wei", "+86 571 8888 0001");
		east.grantLimit(new BigDecimal("300000"), "A", LocalDate.now().minusYears(1), LocalDate.now().plusMonths(6), LocalDate.now().plusMonths(6), null);
		customers.save(east);

		Customer south = new Customer("深圳南方建材有限公司 Shenzhen Nanfang Building Materials", "91440300MA5DXXXX1R",
				OwnershipType.PRIVATE, "ben");
		south.updateFacts(south.getName(), OwnershipType.PRIVATE, "Building materials", "South China", "SMALL",
				"12 Shennan Avenue, Shenzhen", "Li Na", "+86 755 6666 0002");
		customers.save(south);
		log.info("Created demo customers: {} and {}", east.getName(), south.getName());
	}

}
