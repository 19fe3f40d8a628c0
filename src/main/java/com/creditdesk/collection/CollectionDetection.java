package com.creditdesk.collection;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.creditdesk.receivable.Overdues;
import com.creditdesk.receivable.Overdues.OverdueCustomer;
import com.creditdesk.system.SystemActions;

/**
 * The daily overdue detection: one query finds every customer with receivables past due; a customer without an
 * open collection case gets one (business key = customer id), a case whose overdue items changed is told so.
 * Each customer is its own transaction: one failure does not stop the others, and running twice opens nothing
 * twice (the database keeps one open case per customer).
 */
@Service
public class CollectionDetection {

	private static final Logger log = LoggerFactory.getLogger(CollectionDetection.class);

	private final Overdues overdues;

	private final CollectionCaseRepository cases;

	private final RuntimeService runtime;

	private final IdentityService identity;

	private final CollectionMessages messages;

	CollectionDetection(Overdues overdues, CollectionCaseRepository cases, RuntimeService runtime,
			IdentityService identity, CollectionMessages messages) {
		this.overdues = overdues;
		this.cases = cases;
		this.runtime = runtime;
		this.identity = identity;
		this.messages = messages;
	}

	/** What one run did. */
	public record DetectionResult(LocalDate asOf, int overdueCustomers, int casesOpened, int casesUpdated,
			int unchanged, int failed) {
	}

	public DetectionResult run(LocalDate today) {
		var overdue = overdues.overdueCustomers(today);
		Map<Long, CollectionCase> open = cases.findByStatusOrderByOpenedAtDesc(CollectionCase.Status.OPEN)
			.stream()
			.collect(Collectors.toMap(CollectionCase::getCustomerId, c -> c, (a, b) -> a, HashMap::new));
		int[] counts = new int[4];
		// the system opens cases; the admin who asked needs no process rights
		SystemActions.asSystem(identity, () -> {
			for (OverdueCustomer customer : overdue) {
				CollectionCase existing = open.get(customer.customerId());
				try {
					if (existing == null) {
						runtime.startProcessInstanceByKey(OverdueCollectionProcess.KEY,
								String.valueOf(customer.customerId()),
								Map.of(OverdueCollectionProcess.CUSTOMER_ID, customer.customerId()));
						counts[0]++;
					}
					else if (existing.getOverdueAmount().compareTo(customer.overdueAmount()) != 0
							|| !customer.oldestDueDate().equals(existing.getOldestDueDate())) {
						messages.caseChanged(existing.getProcessInstanceId(), customer.invoices()
								+ " overdue invoice(s) found by the daily detection");
						counts[1]++;
					}
					else {
						counts[2]++;
					}
				}
				catch (RuntimeException e) {
					counts[3]++;
					log.error("Could not open or update the collection case of customer {}: {}", customer.customerId(),
							e.getMessage(), e);
				}
			}
		});
		DetectionResult result = new DetectionResult(today, overdue.size(), counts[0], counts[1], counts[2], counts[3]);
		log.info("Overdue detection as of {}: {}", today, result);
		return result;
	}

	Set<Long> openCaseCustomers() {
		return Set.copyOf(cases.openCustomerIds());
	}

}
