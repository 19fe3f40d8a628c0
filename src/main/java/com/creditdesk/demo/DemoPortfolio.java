package com.creditdesk.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.creditdesk.collection.CollectionDetection;
import com.creditdesk.collection.CollectionRecords;
import com.creditdesk.collection.CollectionService;
import com.creditdesk.collection.DisputeService;
import com.creditdesk.collection.OverdueCollectionProcess;
import com.creditdesk.customer.CreditCode;
import com.creditdesk.customer.Customer;
import com.creditdesk.customer.CustomerRepository;
import com.creditdesk.customer.OwnershipType;
import com.creditdesk.investigation.CreditInvestigationProcess;
import com.creditdesk.receivable.KeyAccounts;
import com.creditdesk.receivable.LedgerLines.CreditNoteLine;
import com.creditdesk.receivable.LedgerLines.InvoiceLine;
import com.creditdesk.receivable.LedgerLines.PaymentLine;
import com.creditdesk.receivable.LedgerService;
import com.creditdesk.system.BusinessClock;

/**
 * The demo profile's portfolio, seeded once on the first start of an empty database so that every page has
 * something to show: 60 customers of three reps in five regions and every grade, fourteen months of invoices,
 * payments and credit notes, customers at every collection stage (a promise to pay, a dispute, a vanished debtor,
 * a debt written off with its liability split), and credit investigations decided by every approver or waiting in
 * their Tasklist. Everything is posted through the same services and processes people use, so the records are
 * exactly what the product would have written. Deterministic: the same day gives the same portfolio.
 * <p>
 * Seeding takes seconds (a thousand ledger postings and nine investigations), so it runs beside the started
 * application rather than before it: Tasklist and the login answer at once, and health (and readiness) say
 * OUT_OF_SERVICE until the portfolio is complete. Later starts find it and do nothing.
 * <p>
 * Longer than 300 lines on purpose: it is the demo data as one script, seeded through the services people use, so a
 * reader sees the whole portfolio in one place.
 */
@Component("demoPortfolio")
@ConditionalOnProperty(name = "creditdesk.demo.portfolio", havingValue = "true")
class DemoPortfolio implements HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(DemoPortfolio.class);

	/** Customers created directly with a grade and limit (the other nine come from real investigations). */
	static final int DIRECT_CUSTOMERS = 52;

	private static final String[] CITIES = { "苏州", "宁波", "广州", "北京", "武汉", "成都", "无锡", "东莞", "天津", "长沙",
			"杭州", "佛山", "济南", "郑州", "重庆", "南京", "厦门", "青岛", "合肥", "昆明" };

	private static final String[] REGIONS = { "华东", "华东", "华南", "华北", "华中", "西南", "华东", "华南", "华北", "华中",
			"华东", "华南", "华北", "华中", "西南", "华东", "华南", "华北", "华东", "西南" };

	private static final String[] NAMES = { "恒通", "华盛", "金达", "永兴", "鑫源", "宏达", "中联", "瑞丰", "天成", "嘉禾",
			"盛泰", "富华", "利群", "兴业", "德胜", "新光", "广源", "振华" };

	private static final String[] INDUSTRIES = { "五金机电", "建材", "电气设备", "管道阀门", "工具", "化工原料" };

	private static final String[] REPS = { "ana", "ben", "carl" };

	private static final String[] GRADES = { "AAA", "AA", "AA", "A", "A", "A", "B", "B", "C", "A" };

	/** Days past due of the oldest unpaid invoice, by customer index: one or two customers per collection stage. */
	private static final Map<Integer, Integer> OVERDUE_DAYS = Map.of(3, 6, 7, 11, 12, 19, 16, 26, 21, 38, 25, 52, 30,
			66, 34, 81, 44, 346);

	/** The investigated customer whose debt is written off: inside the limit carl approved, so ben and carl share it. */
	private static final int WRITTEN_OFF_INVESTIGATION = 1;

	private static final int WRITTEN_OFF_DAYS = 124;

	private static final int PROMISE = 7;

	private static final int DISPUTE = 16;

	private static final int VANISHED = 44;

	private final CustomerRepository customers;

	private final LedgerService ledger;

	private final CollectionDetection detection;

	private final CollectionService collections;

	private final CollectionRecords records;

	private final DisputeService disputes;

	private final RuntimeService runtime;

	private final FormService forms;

	private final TaskService tasks;

	private final RepositoryService repository;

	private final IdentityService identity;

	private final TransactionTemplate transaction;

	private final KeyAccounts keyAccounts;

	DemoPortfolio(CustomerRepository customers, LedgerService ledger, CollectionDetection detection,
			CollectionService collections, CollectionRecords records, DisputeService disputes, RuntimeService runtime, FormService forms, TaskService tasks,
			RepositoryService repository, IdentityService identity, TransactionTemplate transaction,
			KeyAccounts keyAccounts) {
		this.keyAccounts = keyAccounts;
		this.customers = customers;
		this.ledger = ledger;
		this.detection = detection;
		this.collections = collections;
		this.records = records;
		this.disputes = disputes;
		this.runtime = runtime;
		this.forms = forms;
		this.tasks = tasks;
		this.repository = repository;
		this.identity = identity;
		this.transaction = transaction;
	}

	private volatile boolean seeding = true;

	@Override
	public Health health() {
		return seeding ? Health.outOfService().withDetail("demoPortfolio", "being seeded").build()
				: Health.up().build();
	}

	@EventListener(ApplicationReadyEvent.class)
	void seedOnFirstStart() {
		if (customers.findByCreditCode(creditCode(0)).isPresent()) {
			seeding = false; // seeded on an earlier start
			return;
		}
		Thread worker = new Thread(() -> {
			try {
				seed();
			}
			catch (RuntimeException e) {
				log.error("The demo portfolio could not be seeded completely", e);
			}
			finally {
				seeding = false;
			}
		}, "demo-portfolio");
		worker.start();
	}

	void seed() {
		long started = System.nanoTime();
		LocalDate today = BusinessClock.today();
		List<Customer> portfolio;
		try {
			// first, in one transaction: two nodes starting on one empty database both get here, and the unique
			// credit codes let only one of them seed
			portfolio = transaction.execute(status -> createCustomers(today));
		}
		catch (DataIntegrityViolationException anotherNodeSeeds) {
			log.info("The demo portfolio is being seeded by another node");
			return;
		}
		long created = System.nanoTime();
		int investigations = investigate();
		long investigated = System.nanoTime();
		int[] lines = new int[3];
		for (int i = 0; i < portfolio.size(); i++) {
			postLedger(i, portfolio.get(i), OVERDUE_DAYS.get(i), today, lines);
		}
		// its investigation ran just now, but its ledger goes back months: the demo dates its limit back with it, so
		// that the write-off shows the split between rep and approver (invoices before a limit are nobody's but the rep's)
		Customer writtenOff = transaction.execute(status -> {
			Customer customer = customers.findByCreditCode(creditCode(100 + WRITTEN_OFF_INVESTIGATION)).orElseThrow();
			customer.limitInForceSince(today.minusMonths(18));
			return customer;
		});
		postLedger(DIRECT_CUSTOMERS, writtenOff, WRITTEN_OFF_DAYS, today, lines);
		long posted = System.nanoTime();
		// the morning's 80/20 classification first: a key account's collection reaches a manager one stage earlier
		var classes = keyAccounts.classify(today);
		var detected = detection.run(today);
		actOnCases(portfolio, writtenOff, today);
		long done = System.nanoTime();
		log.info("Demo portfolio: {} investigations ({} ms), {} customers with {} invoices, {} payments and {} credit "
				+ "notes ({} ms), key accounts {}, {} collection cases ({} ms)", investigations, (investigated - created) / 1_000_000,
				portfolio.size(), lines[0], lines[1], lines[2], (posted - investigated + created - started) / 1_000_000,
				classes.customersByClass(), detected.casesOpened(), (done - posted) / 1_000_000);
	}

	// ---------------------------------------------------------------------------------------------------------
	// customers

	static String creditCode(int index) {
		String first17 = "9132000" + String.format("%010d", 7_300_000_000L + index * 7919L);
		return first17 + CreditCode.checkCharacter(first17);
	}

	private List<Customer> createCustomers(LocalDate today) {
		List<Customer> created = new ArrayList<>();
		for (int i = 0; i < DIRECT_CUSTOMERS; i++) {
			String city = CITIES[i % CITIES.length];
			String name = city + NAMES[(i * 7) % NAMES.length] + INDUSTRIES[i % INDUSTRIES.length] + "有限公司";
			OwnershipType ownership = i % 9 == 4 ? OwnershipType.STATE_OWNED : OwnershipType.PRIVATE;
			Customer customer = new Customer(name, creditCode(i), ownership, REPS[i % REPS.length]);
			customer.updateFacts(name, ownership, INDUSTRIES[i % INDUSTRIES.length], REGIONS[i % REGIONS.length],
					i % 3 == 0 ? "LARGE" : i % 3 == 1 ? "MEDIUM" : "SMALL", city + "市经济开发区" + (10 + i) + "号",
					contactName(i), "+86 1" + (380_000_0000L + i * 1_234_567L));
			String grade = grade(i);
			if ("C".equals(grade)) {
				customer.makeCashOnly(grade, "信用等级 C：现金交易 Grade C: cash only", today.plusMonths(3));
			}
			else {
				customer.grantLimit(limit(i), grade, today.minusMonths(18), today.plusMonths(12 - i % 6), today.plusDays(20 + (i * 11) % 160),
						null);
			}
			created.add(customers.save(customer));
		}
		return created;
	}

	static String grade(int index) {
		return OVERDUE_DAYS.containsKey(index) && "C".equals(GRADES[index % GRADES.length]) ? "B"
				: GRADES[index % GRADES.length];
	}

	static BigDecimal limit(int index) {
		long base = switch (grade(index)) {
			case "AAA" -> 2_000_000;
			case "AA" -> 800_000;
			case "A" -> 300_000;
			default -> 100_000;
		};
		return BigDecimal.valueOf(base + (index % 5) * base / 10);
	}

	private static String contactName(int index) {
		String[] family = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙" };
		String[] given = { "伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明" };
		return family[index % family.length] + given[(index * 5) % given.length];
	}

	// ---------------------------------------------------------------------------------------------------------
	// ledger: fourteen months, paid on time or a little late, except the customers chosen to be overdue

	private record Entry(LocalDate date, int order, Runnable post) {
	}

	private void postLedger(int index, Customer customer, Integer overdueDays, LocalDate today, int[] lines) {
		if (customer.getCreditLimit().signum() == 0) {
			return; // cash only: no receivables
		}
		int term = index % 3 == 0 ? 60 : 30;
		List<Entry> entries = new ArrayList<>();
		// an overdue customer's invoices are dated so that the first one left unpaid is exactly overdueDays past due
		LocalDate anchor = overdueDays == null ? today.minusDays(425 - index % 20)
				: today.minusDays(overdueDays + term);
		LocalDate first = anchor.minusMonths(overdueDays == null ? 0 : 14 - (overdueDays + term) / 30);
		LocalDate lastInvoice = overdueDays != null && overdueDays >= 90 ? anchor : today;
		for (int month = 0;; month++) {
			LocalDate invoiceDate = first.plusMonths(month);
			if (invoiceDate.isAfter(lastInvoice)) {
				break;
			}
			LocalDate due = invoiceDate.plusDays(term);
			String number = "FP" + String.format("%02d%02d", index, month) + "-" + invoiceDate.getYear() % 100;
			double share = 0.16 + ((index + month) % 4) * 0.03;
			BigDecimal amount = customer.getCreditLimit()
				.multiply(BigDecimal.valueOf(share))
				.setScale(-2, RoundingMode.HALF_UP)
				.setScale(2);
			long id = customer.getId();
			entries.add(new Entry(invoiceDate, 0, () -> ledger.postInvoice(new InvoiceLine(id, null, number,
					"SO-" + number.substring(2), invoiceDate, due, amount, "CNY"))));
			lines[0]++;
			BigDecimal credited = BigDecimal.ZERO;
			if ((index + month) % 11 == 5 && due.isBefore(today)) {
				credited = amount.multiply(new BigDecimal("0.05")).setScale(2, RoundingMode.HALF_UP);
				BigDecimal note = credited;
				LocalDate noteDate = invoiceDate.plusDays(9);
				entries.add(new Entry(noteDate, 1, () -> ledger.postCreditNote(new CreditNoteLine(id, null,
						"CN-" + number.substring(2), number, noteDate, note, "部分货物破损退回 Damaged goods returned"))));
				lines[2]++;
			}
			boolean unpaid = overdueDays != null && !invoiceDate.isBefore(anchor);
			if (!due.isAfter(today) && !unpaid) {
				LocalDate paid = due.plusDays((index * 3 + month) % 4 == 0 ? (index + month) % 12 : 0);
				LocalDate paymentDate = paid.isAfter(today) ? today : paid;
				BigDecimal payment = amount.subtract(credited);
				entries.add(new Entry(paymentDate, 2, () -> ledger.postPayment(new PaymentLine(id, null,
						"BK" + number.substring(2), paymentDate, payment, List.of(number)))));
				lines[1]++;
			}
		}
		entries.sort(Comparator.comparing(Entry::date).thenComparing(Entry::order));
		entries.forEach(entry -> entry.post().run());
	}

	// ---------------------------------------------------------------------------------------------------------
	// collection: the cases the detection opened, moved on as the people would have

	private void actOnCases(List<Customer> portfolio, Customer writtenOff, LocalDate today) {
		caseOf(portfolio.get(PROMISE)).ifPresent(caseId -> task(caseId, OverdueCollectionProcess.REMIND_CUSTOMER)
			.ifPresent(task -> submit(task, portfolio.get(PROMISE).getResponsibleRep(),
					Map.of("contactOutcome", "Phone call: reached the customer", "contactNotes",
							"财务经理承诺下周付清 The finance manager promised to pay next week", "promiseToPay", true,
							"promisedDate", today.plusDays(7).toString(), "promisedAmount", 1_000))));
		caseOf(portfolio.get(DISPUTE)).ifPresent(caseId -> {
			String invoice = ledger.receivablesOf(portfolio.get(DISPUTE).getId())
				.stream()
				.filter(r -> r.getDueDate().isBefore(today) && r.getOpenAmount().signum() > 0)
				.findFirst()
				.map(r -> r.getInvoiceNumber())
				.orElse(null);
			if (invoice != null) {
				String rep = portfolio.get(DISPUTE).getResponsibleRep();
				as(rep, () -> {
					disputes.raiseDispute(caseId, invoice,
							"客户称到货数量短少两箱 The customer says two cartons were missing on delivery", rep, today);
				});
			}
		});
		caseOf(writtenOff).ifPresent(caseId -> {
			task(caseId, OverdueCollectionProcess.DECIDE_ACTION).ifPresent(task -> submit(task, "erik",
					Map.of("collectionAction", "PROPOSE_WRITE_OFF", "decisionNotes",
							"客户已停业，追收成本高于欠款 The customer closed down; collecting costs more than the debt")));
			task(caseId, OverdueCollectionProcess.APPROVE_WRITE_OFF).ifPresent(task -> submit(task, "gina",
					Map.of("writeOffDecision", "APPROVE", "writeOffComment", "同意核销 Write-off approved")));
		});
		caseOf(portfolio.get(VANISHED)).ifPresent(caseId -> as(portfolio.get(VANISHED).getResponsibleRep(),
				() -> records.reportVanished(caseId, portfolio.get(VANISHED).getResponsibleRep(),
						"电话停机，办公地址已人去楼空 Phone disconnected, office empty")));
	}

	private java.util.Optional<Long> caseOf(Customer customer) {
		return collections.openCaseOf(customer.getId()).map(c -> c.getId());
	}

	private java.util.Optional<Task> task(long caseId, String taskKey) {
		String processInstanceId = collections.get(caseId).getProcessInstanceId();
		return tasks.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(taskKey)
			.list()
			.stream()
			.findFirst();
	}

	// ---------------------------------------------------------------------------------------------------------
	// credit investigations through the real processes: decided by every approver, or waiting in their Tasklist

	private record Investigation(String rep, String name, String region, long scale, int ratings, long requested,
			long proposed, String stopBefore, List<String> decisions) {
	}

	private int investigate() {
		List<Investigation> all = List.of(
				// CNY 5,000 above the suggested 275,000: a policy exception, so the regional manager decides too
				new Investigation("ana", "上海申达五金交电有限公司", "华东", 1, 3, 300_000, 280_000, null,
						List.of("clara:APPROVE", "dora:APPROVE", "erik:APPROVE")),
				new Investigation("ben", "广州粤海建材贸易有限公司", "华南", 1, 4, 90_000, 90_000, null,
						List.of("carl:APPROVE")),
				new Investigation("carl", "北京京开电气设备有限公司", "华北", 10, 4, 1_500_000, 1_500_000, null,
						List.of("clara:APPROVE", "dora:APPROVE", "gina:APPROVE")),
				new Investigation("ana", "南京金陵机电设备有限公司", "华东", 10, 5, 1_800_000, 1_800_000, null,
						List.of("clara:APPROVE", "dora:APPROVE", "erik:REDUCE:1200000")),
				new Investigation("ben", "长沙湘江管业有限公司", "华中", 1, 3, 300_000, 300_000, null,
						List.of("clara:APPROVE", "dora:REJECT")),
				new Investigation("ana", "温州瓯江小五金商行", "华东", 1, 1, 200_000, 0, null, List.of()),
				new Investigation("ben", "深圳鹏城工具有限公司", "华南", 1, 3, 200_000, 200_000, null, List.of()),
				new Investigation("carl", "天津海河化工原料有限公司", "华北", 10, 4, 800_000, 800_000, null,
						List.of("clara:APPROVE", "dora:APPROVE")),
				new Investigation("ana", "杭州西湖电气成套设备有限公司", "华东", 1, 4, 150_000, 0, "application", List.of()));
		int count = 0;
		for (int i = 0; i < all.size(); i++) {
			investigate(i, all.get(i));
			count++;
		}
		return count;
	}

	private void investigate(int index, Investigation inv) {
		Map<String, Object> start = new LinkedHashMap<>();
		start.put("customerName", inv.name());
		start.put("creditCode", creditCode(100 + index));
		start.put("ownershipType", "PRIVATE");
		start.put("companySize", inv.scale() > 1 ? "LARGE" : "MEDIUM");
		start.put("industry", INDUSTRIES[index % INDUSTRIES.length]);
		start.put("region", inv.region());
		start.put("contactName", contactName(70 + index));
		start.put("statementPeriod", "FY2025");
		start.put("statementsAudited", true);
		long s = inv.scale();
		start.put("quickAssets", 1_200_000 * s);
		start.put("currentLiabilities", 1_000_000 * s);
		start.put("totalLiabilities", (inv.ratings() <= 1 ? 4_400_000 : 2_250_000) * s);
		start.put("totalAssetsStart", 4_000_000 * s);
		start.put("totalAssetsEnd", 5_000_000 * s);
		start.put("salesRevenue", 18_000_000 * s);
		start.put("netProfit", (inv.ratings() <= 1 ? 90_000 : 1_800_000) * s);
		for (String rating : RATINGS) {
			start.put(rating, inv.ratings());
		}
		start.put("expectedMonthlyPurchases", inv.requested() * 5 / 6);
		start.put("paymentTermDays", 60);
		start.put("requestedLimit", inv.requested());
		ProcessInstance instance = as(inv.rep(), () -> forms.submitStartForm(
				repository.createProcessDefinitionQuery().processDefinitionKey(CreditInvestigationProcess.KEY).latestVersion().singleResult().getId(),
				start));
		String pid = instance.getId();
		List<String> decisions = new ArrayList<>(inv.decisions());
		for (int step = 0; step < 10; step++) {
			List<Task> open = openTasks(pid);
			if (open.isEmpty()) {
				return;
			}
			Task task = open.get(0);
			switch (task.getTaskDefinitionKey()) {
				case CreditInvestigationProcess.INQUIRE_WITH_BANK -> submit(task, inv.rep(),
						Map.of("bankName", "中国工商银行 ICBC", "bankFacilityAmount", 3_000_000 * s, "bankRepaymentRecord",
								"GOOD", "bankComment", "授信正常，无逾期 Facility in good standing, no arrears"));
				case CreditInvestigationProcess.PREPARE_APPLICATION -> {
					if ("application".equals(inv.stopBefore())) {
						return;
					}
					// the justification counts only where the policy sees an exception (above the suggestion)
					submit(task, inv.rep(), Map.of("proposedLimit", inv.proposed(), "proposedTermMonths", 12,
							"proposalReason", "按月进货稳定，财务状况良好 Steady monthly purchases, sound finances",
							"exceptionJustification", "旺季订单增加，老板个人担保 Seasonal orders grow; the owner guarantees personally"));
				}
				case "UserTask_ApproveCreditGrant" -> {
					if (decisions.isEmpty()) {
						return; // left waiting for the next approver
					}
					String[] decision = decisions.remove(0).split(":");
					Map<String, Object> vars = new LinkedHashMap<>();
					vars.put("approvalDecision", decision[1]);
					if (decision.length > 2) {
						vars.put("approvedAmount", Long.parseLong(decision[2]));
					}
					vars.put("approvalComment", switch (decision[1]) {
						case "REJECT" -> "应收周转偏慢，暂不授信 Receivable turnover too slow, no credit for now";
						case "REDUCE" -> "先按较低额度合作半年 Start lower for six months";
						default -> "同意 Agreed";
					});
					submit(task, decision[0], vars);
				}
				default -> {
					return; // e.g. the cash-only review, left for the rep
				}
			}
		}
	}

	private static final String[] RATINGS = { "ratingPrincipalCredit", "ratingSizeOwnership", "ratingSalesCapability",
			"ratingBusinessKnowHow", "ratingCapitalGrowth", "ratingProfitability", "ratingEmployeeComplaints",
			"ratingSupplierEvaluation", "ratingBankCredit", "ratingPeerReputation", "ratingIndustryOutlook",
			"ratingManagement" };

	/** The open tasks of an investigation, its approval's included. */
	private List<Task> openTasks(String processInstanceId) {
		List<Task> open = new ArrayList<>(tasks.createTaskQuery().processInstanceId(processInstanceId).list());
		runtime.createProcessInstanceQuery()
			.superProcessInstanceId(processInstanceId)
			.list()
			.forEach(sub -> open.addAll(tasks.createTaskQuery().processInstanceId(sub.getId()).list()));
		return open;
	}

	private void submit(Task task, String user, Map<String, Object> variables) {
		as(user, () -> {
			if (task.getAssignee() == null) {
				tasks.claim(task.getId(), user);
			}
			forms.submitTaskForm(task.getId(), variables);
			return null;
		});
	}

	private <T> T as(String user, java.util.function.Supplier<T> action) {
		List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
		identity.setAuthentication(user, groups);
		try {
			return action.get();
		}
		finally {
			identity.clearAuthentication();
		}
	}

	private void as(String user, Runnable action) {
		as(user, () -> {
			action.run();
			return null;
		});
	}

}
