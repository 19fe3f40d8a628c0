package com.creditdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import com.creditdesk.customer.Customer;
import com.creditdesk.customer.CustomerRepository;
import com.creditdesk.customer.OwnershipType;
import com.creditdesk.support.IntegrationTestBase;
import com.creditdesk.support.InvestigationFixture;
import com.creditdesk.support.OnH2;
import com.creditdesk.support.TestCreditCodes;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * Mails through a real SMTP server (GreenMail): an approval landing in a tier's group, the dunning letter sent to the
 * customer with its PDF, a mail server that is down (the step stays done, the mail is retried), the daily digest.
 */
@OnH2
@TestPropertySource(properties = { "camunda.bpm.process-engine-name=mail", "spring.mail.host=127.0.0.1",
		"spring.mail.port=3025", "creditdesk.mail.base-url=http://credit.example.com/" })
class H2NotificationIntegrationTests extends IntegrationTestBase {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

	@Autowired
	CustomerRepository customers;

	@Autowired
	Notifications notifications;

	private final LocalDate today = LocalDate.now();

	@BeforeEach
	void emptyMailbox() throws Exception {
		deliverFollowUps();
		smtp.purgeEmailFromAllMailboxes();
	}

	@Test
	void anApprovalLandingInATiersGroupMailsItsMembersWithALinkButNotTheRequester() throws Exception {
		String application = startInvestigation("ana");
		submit("ana", application, Map.of("proposedLimit", 100_000, "proposedTermMonths", 12, "proposalReason",
				"Sound payer."));
		String approval = engine.getTaskService().createTaskQuery().taskCandidateGroup("customerManagers")
			.orderByTaskCreateTime().desc().list().get(0).getId();
		assertThat(smtp.getReceivedMessages()).as("sent only after the step committed, by its follow-up").isEmpty();

		deliverFollowUps();

		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(recipients(received)).containsExactlyInAnyOrder("clara@creditdesk.local", "carl@creditdesk.local");
		MimeMessage clara = to(received, "clara@creditdesk.local");
		assertThat(clara.getSubject()).startsWith("[CreditDesk] 待办 Task waiting: 授信审批 Approve credit grant: ")
			.contains("Fixture Trading Co. 测试贸易有限公司", "CNY 100,000.00", "等级 grade A");
		assertThat(body(clara)).contains("Clara Sun", "分级授信审批",
				"http://credit.example.com/camunda/app/tasklist/default/#/?task=" + approval);
	}

	@Test
	void theDunningLetterGoesToTheCustomerAsAPdfAndTheCaseRecordsWhoSentItToWhom() throws Exception {
		Customer customer = overdueCustomer("INV-MAIL-1");
		String letterTask = letterTask(customer);
		deliverFollowUps();
		assertThat(recipients(smtp.getReceivedMessages())).as("the rep hears of the new task")
			.contains("ana@creditdesk.local");
		smtp.purgeEmailFromAllMailboxes();

		assertThatThrownBy(() -> submit("ana", letterTask, Map.of("letterSentVia", "e-mail", "letterMailTo", "finance at example")))
			.hasMessageContaining("is not a valid e-mail address");
		assertThat(engine.getTaskService().createTaskQuery().taskId(letterTask).count()).as("nothing half-done").isOne();

		submit("ana", letterTask, Map.of("letterSentVia", "e-mail", "letterMailTo", "finance@customer.example"));
		deliverFollowUps();

		MimeMessage letter = to(smtp.getReceivedMessages(), "finance@customer.example");
		assertThat(letter.getSubject()).isEqualTo("催款函 Payment reminder: " + customer.getName() + " 逾期 CNY 30,000.00");
		MimeMultipart parts = (MimeMultipart) letter.getContent();
		BodyPart pdf = null;
		for (int i = 0; i < parts.getCount(); i++) {
			if (parts.getBodyPart(i).getFileName() != null) {
				pdf = parts.getBodyPart(i);
			}
		}
		assertThat(pdf).isNotNull();
		assertThat(pdf.getFileName()).endsWith(".pdf");
		assertThat(pdf.getContentType()).startsWith("application/pdf");
		byte[] content = pdf.getInputStream().readAllBytes();
		assertThat(new String(Arrays.copyOf(content, 5))).isEqualTo("%PDF-");
		assertThat(body(letter)).contains(customer.getName(), "CNY 30,000.00", "Ana Lin");

		Map detail = as("ana").getForObject("/api/collections/" + caseId(customer), Map.class);
		assertThat((List<Map>) detail.get("mails")).anySatisfy(mail -> assertThat(mail)
			.containsEntry("recipient", "finance@customer.example")
			.containsEntry("requestedBy", "ana")
			.containsEntry("status", "SENT"));
		assertThat(detail.get("history").toString()).contains("Dunning letter sent by e-mail to finance@customer.example");
	}

	@Test
	void aStatementGoesToTheCustomerAsThePdfForThePeriodOnlyFromWhoMaySeeIt() throws Exception {
		Customer customer = overdueCustomer("INV-MAIL-S");
		deliverFollowUps();
		smtp.purgeEmailFromAllMailboxes();
		String path = "/api/customers/" + customer.getId() + "/statement/mail";
		ResponseEntity<Map> bad = post("ana", path, Map.of("to", "accounts"));
		assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((Map) bad.getBody().get("fields")).containsKey("to");
		assertThat(post("ben", path, Map.of("to", "ap@customer.example")).getStatusCode()).as("not ben's customer")
			.isEqualTo(HttpStatus.FORBIDDEN);

		ResponseEntity<Map> queued = post("ana", path, Map.of("to", "ap@customer.example", "from",
				today.minusMonths(2).toString(), "until", today.toString()));
		assertThat(queued.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		deliverFollowUps();
		MimeMessage statement = to(smtp.getReceivedMessages(), "ap@customer.example");
		assertThat(statement.getSubject()).isEqualTo("对账单 Statement of account: " + customer.getName() + " "
				+ today.minusMonths(2) + " – " + today);
		assertThat(body(statement)).contains("CNY 30,000.00", "Ana Lin");
		MimeMultipart parts = (MimeMultipart) statement.getContent();
		assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("statement-" + customer.getCreditCode() + "-"
				+ today.minusMonths(2) + "-" + today + ".pdf");
		List sent = as("ana").getForObject(path + "s", List.class);
		assertThat((List<Map>) sent).singleElement().satisfies(mail -> assertThat(mail)
			.containsEntry("recipient", "ap@customer.example")
			.containsEntry("requestedBy", "ana")
			.containsEntry("status", "SENT"));
		assertThat(as("ben").getForEntity(path + "s", Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void aMailServerThatIsDownNeverFailsTheStepAndTheMailIsRetried() throws Exception {
		Customer customer = overdueCustomer("INV-MAIL-2");
		String letterTask = letterTask(customer);
		deliverFollowUps();
		smtp.stop();
		try {
			submit("ana", letterTask, Map.of("letterSentVia", "e-mail", "letterMailTo", "ap@down.example"));
			assertThat(engine.getTaskService().createTaskQuery().taskId(letterTask).count()).as("the step is done").isZero();
			var job = engine.getManagementService().createJobQuery().processDefinitionKey("follow-up").executable()
				.singleResult();
			assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId())).hasMessageContaining("not sent");
			Notifications.SentMail failed = notifications.latest().stream()
				.filter(mail -> mail.recipient().equals("ap@down.example")).findFirst().orElseThrow();
			assertThat(failed.status()).isEqualTo("QUEUED");
			assertThat(failed.attempts()).isOne();
			assertThat(failed.lastError()).isNotBlank();
			assertThat(as("fay").getForObject("/api/mails", String.class)).as("the outbox shows it").contains("ap@down.example");
		}
		finally {
			smtp.start();
		}
		// the retry, a minute later by the job executor (five attempts, then an incident in Cockpit)
		var retry = engine.getManagementService().createJobQuery().processDefinitionKey("follow-up").withException()
			.singleResult();
		assertThat(retry.getRetries()).isPositive();
		engine.getManagementService().executeJob(retry.getId());
		assertThat(recipients(smtp.getReceivedMessages())).contains("ap@down.example");
		assertThat(as("ana").getForEntity("/api/mails", Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(as("oscar").getForEntity("/api/mails", Map.class).getStatusCode()).as("operations see figures, not mail")
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void whoChoseTheDailyDigestGetsOneMailInsteadOfEachNotice() throws Exception {
		assertThat(put("clara", Map.of()).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		ResponseEntity<Map> chosen = put("clara", Map.of("digest", true));
		assertThat(chosen.getBody()).containsEntry("digest", true).containsEntry("mailEnabled", true)
			.containsEntry("address", "clara@creditdesk.local");
		try {
			String application = startInvestigation("ben");
			submit("ben", application, Map.of("proposedLimit", 100_000, "proposedTermMonths", 12, "proposalReason",
					"Sound payer."));
			deliverFollowUps();
			assertThat(recipients(smtp.getReceivedMessages())).contains("carl@creditdesk.local")
				.doesNotContain("clara@creditdesk.local");

			signedIn("admin", notifications::sendDigests);
			deliverFollowUps();
			MimeMessage digest = to(smtp.getReceivedMessages(), "clara@creditdesk.local");
			assertThat(digest.getSubject()).startsWith("[CreditDesk] 每日摘要 Daily digest: ");
			assertThat(body(digest)).contains("授信审批 Approve credit grant", "http://credit.example.com/camunda/app/tasklist/default/");
			smtp.purgeEmailFromAllMailboxes();
			assertThat(signedIn("admin", notifications::sendDigests)).as("nothing held twice").isZero();
		}
		finally {
			put("clara", Map.of("digest", false));
		}
	}

	private Customer overdueCustomer(String invoice) {
		Customer customer = new Customer("Mail Test Co. 邮件 " + System.nanoTime(), TestCreditCodes.next(),
				OwnershipType.PRIVATE, "ana");
		customer.grantLimit(BigDecimal.valueOf(100_000), "A", today.minusYears(2), today.plusYears(1),
				today.plusMonths(6), null);
		customer = customers.save(customer);
		ResponseEntity<Map> posted = post("fay", "/api/receivables/invoices", Map.of("customerId", customer.getId(),
				"invoiceNumber", invoice, "invoiceDate", today.minusDays(50).toString(), "dueDate",
				today.minusDays(20).toString(), "amount", 30_000));
		assertThat(posted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(post("fay", "/api/collections/run-detection", Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);
		return customer;
	}

	private String letterTask(Customer customer) {
		return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(customer.getCreditCode())
			.taskDefinitionKey("UserTask_SendDunningLetter").singleResult().getId();
	}

	private Object caseId(Customer customer) {
		List cases = as("ana").getForObject("/api/customers/" + customer.getId() + "/collections", List.class);
		return ((Map) cases.get(0)).get("id");
	}

	private String startInvestigation(String rep) {
		String definition = engine.getRepositoryService().createProcessDefinitionQuery()
			.processDefinitionKey("credit-investigation").latestVersion().singleResult().getId();
		String instance = signedIn(rep, () -> engine.getFormService()
			.submitStartForm(definition, InvestigationFixture.soundCustomer().variables()).getId());
		return engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
	}

	private void submit(String user, String taskId, Map<String, Object> variables) {
		signedIn(user, () -> {
			engine.getFormService().submitTaskForm(taskId, new LinkedHashMap<>(variables));
			return null;
		});
	}

	private <T> T signedIn(String user, Supplier<T> work) {
		var identity = engine.getIdentityService();
		identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
			.map(Group::getId).toList());
		try {
			return work.get();
		}
		finally {
			identity.clearAuthentication();
		}
	}

	private ResponseEntity<Map> post(String user, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
	}

	private ResponseEntity<Map> put(String user, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return as(user).exchange("/api/me/notifications", HttpMethod.PUT, new HttpEntity<>(body, headers), Map.class);
	}

	private static List<String> recipients(MimeMessage[] messages) throws Exception {
		List<String> to = new java.util.ArrayList<>();
		for (MimeMessage message : messages) {
			for (var address : message.getRecipients(Message.RecipientType.TO)) {
				to.add(address.toString());
			}
		}
		return to;
	}

	private static MimeMessage to(MimeMessage[] messages, String address) throws Exception {
		for (MimeMessage message : messages) {
			if (message.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)) {
				return message;
			}
		}
		throw new AssertionError("no mail to " + address);
	}

	private static String body(MimeMessage message) throws Exception {
		Object content = message.getContent();
		if (content instanceof MimeMultipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				if (multipart.getBodyPart(i).getFileName() == null) {
					Object part = multipart.getBodyPart(i).getContent();
					return part instanceof MimeMultipart inner ? inner.getBodyPart(0).getContent().toString() : part.toString();
				}
			}
		}
		return content.toString();
	}

}
