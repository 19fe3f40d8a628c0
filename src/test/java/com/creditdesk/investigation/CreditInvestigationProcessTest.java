package com.creditdesk.investigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import com.creditdesk.system.StepRefusedException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.creditdesk.approval.CreditDecisionService;
import com.creditdesk.customer.Customer;
import com.creditdesk.customer.CustomerRepository;
import com.creditdesk.customer.CustomerStatus;
import com.creditdesk.support.InvestigationFixture;
import com.creditdesk.support.ProcessTestBase;

/** One test per path through {@code credit-investigation}, with the real tiered approval it calls. */
class CreditInvestigationProcessTest extends ProcessTestBase {

	@Autowired
	private CreditDecisionService decisions;

	@Autowired
	CustomerRepository customers;

	@Autowired
	CreditInvestigationService investigations;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Test
	void theReviewPolicyForTheGradeIsRecordedOnTheCreditFileAndTheApplicationReadsItThere() {
		ProcessInstance investigation = startInvestigation("ana", InvestigationFixture.soundCustomer());
		assertThat(engine.getRuntimeService().getVariables(investigation.getId())).doesNotContainKey("reviewPolicy");
		assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
			.processInstanceId(investigation.getId()).variableName("reviewPolicy").includeDeleted().count())
			.as("the decision's result lived within the start only").isZero();
		CreditFile file = investigations.get(((Number) engine.getRuntimeService()
			.getVariable(investigation.getId(), "creditFileId")).longValue());
		Map<String, Object> decided = new java.util.HashMap<>();
		engine.getHistoryService().createHistoricDecisionInstanceQuery().processInstanceId(investigation.getId())
			.decisionDefinitionKey("review-interval").includeOutputs().singleResult().getOutputs()
			.forEach(output -> decided.put(output.getVariableName(), output.getValue()));
		assertThat(file.getReviewPolicy()).as("as the decision history has it").isEqualTo(new ReviewPolicy(
				((Number) decided.get("reviewIntervalMonths")).intValue(),
				((Number) decided.get("limitValidityMonths")).intValue()));

		prepareApplication(investigation, "ana", 90_000);
		java.time.LocalDate today = com.creditdesk.system.BusinessClock.today();
		assertThat(engine.getRuntimeService().getVariable(investigation.getId(), "nextReviewDate"))
			.isEqualTo(file.getReviewPolicy().nextReview(today, today.plusMonths(12)).toString());

		// a variable set on the case does not outrank the file's policy
		ProcessInstance written = startInvestigation("ana", InvestigationFixture.soundCustomer());
		engine.getRuntimeService().setVariable(written.getId(), "reviewPolicy",
				new java.util.HashMap<>(Map.of("reviewIntervalMonths", 1, "limitValidityMonths", 12)));
		prepareApplication(written, "ana", 90_000);
		assertThat(engine.getRuntimeService().getVariable(written.getId(), "nextReviewDate"))
			.isEqualTo(file.getReviewPolicy().nextReview(today, today.plusMonths(12)).toString());

		// a case suggested before files recorded the policy still holds the decision's result, and that counts
		ProcessInstance older = startInvestigation("ana", InvestigationFixture.soundCustomer());
		jdbc.update("update credit_file set review_interval_months = null, limit_validity_months = null where id = ?",
				((Number) engine.getRuntimeService().getVariable(older.getId(), "creditFileId")).longValue());
		engine.getRuntimeService().setVariable(older.getId(), "reviewPolicy",
				new java.util.HashMap<>(Map.of("reviewIntervalMonths", 1, "limitValidityMonths", 12)));
		prepareApplication(older, "ana", 90_000);
		assertThat(engine.getRuntimeService().getVariable(older.getId(), "nextReviewDate"))
			.isEqualTo(today.plusMonths(1).toString());
	}

	@Test
	void grantsTheApprovedLimitToASoundCustomer() {
		InvestigationFixture fixture = InvestigationFixture.soundCustomer();
		ProcessInstance investigation = startInvestigation("ana", fixture);

		assertThat(investigation).hasPassed(CreditInvestigationProcess.REGISTER_CUSTOMER,
				CreditInvestigationProcess.RECORD_STATEMENTS, CreditInvestigationProcess.SCORE_CREDIT,
				CreditInvestigationProcess.RECORD_GRADE, CreditInvestigationProcess.SUGGEST_LIMIT,
				CreditInvestigationProcess.CHECK_BANK_INQUIRY, CreditInvestigationProcess.RECORD_SUGGESTION)
			.hasNotPassed(CreditInvestigationProcess.CORRECT_FIGURES, CreditInvestigationProcess.INQUIRE_WITH_BANK)
			.isWaitingAt(CreditInvestigationProcess.PREPARE_APPLICATION);
		assertThat(openTask(investigation).getAssignee()).isEqualTo("ana");
		assertThat(engine.getRuntimeService().getVariables(investigation.getId())).containsEntry("creditScore", 71)
			.containsEntry("creditGrade", "A")
			// the scorecard's inputs were for the scoring step only: the credit file and the decision history keep them
			.doesNotContainKeys("quickRatio", "debtToAssetRatio", "assetTurnover", "netProfitMargin", "netWorth",
					"qualitativePoints", "figuresValid", "bankInquiryNeeded", "keyAccount", "quickRatioAssessment");
		assertThat(creditFileView(investigation)).containsEntry("suggestedLimitText", "CNY 275,000.00")
			.containsEntry("suggestedLimit", 275_000.0)
			.containsEntry("limitValidityMonths", 12)
			.containsEntry("quickRatioAssessment", "1.20 : 1 — meets the benchmark (1 : 1)")
			.containsEntry("debtToAssetAssessment", "45.0 % — meets the benchmark (about 50 % or less)")
			.containsEntry("assetTurnoverAssessment", "4.00 times — meets the benchmark (about 4 to 5 times)")
			.containsEntry("netProfitMarginAssessment", "10.0 % — misses the benchmark (about 15 %)");
		// what the customer and the credit file keep is not kept again as variables or their history
		assertThat(engine.getRuntimeService().getVariables(investigation.getId())).containsKeys("customerName",
				"creditCode", "requestedLimit", "statementsAudited")
			.doesNotContainKeys("quickAssets", "salesRevenue", "ratingManagement", "statementPeriod", "industry",
					"region", "paymentTermDays");
		assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
			.processInstanceId(investigation.getId())
			.variableNameIn("quickAssets", "ratingManagement", "industry")
			.count()).isZero();

		prepareApplication(investigation, "ana", 90_000);
		approve(investigation, "clara");

		assertThat(investigation).isEnded().hasPassed(CreditInvestigationProcess.GRANT_LIMIT,
				CreditInvestigationProcess.END_LIMIT_GRANTED);
		Customer customer = customers.findById(customerId(investigation)).orElseThrow();
		assertThat(customer.getStatus()).isEqualTo(CustomerStatus.ACTIVE);
		assertThat(customer.getCreditLimit()).isEqualByComparingTo("90000.00");
		assertThat(customer.getCreditGrade()).isEqualTo("A");
		assertThat(customer.getLimitValidUntil()).isNotNull();
		assertThat(customer.getNextReviewDate()).isEqualTo(java.time.LocalDate.now().plusMonths(6));
		assertThat(customer.getOpenCaseProcessId()).isNull();
	}

	@Test
	void recordsTheCreditFileWithFiguresRatiosScoreAndDecisionVersions() {
		InvestigationFixture fixture = InvestigationFixture.soundCustomer();
		ProcessInstance investigation = startInvestigation("ana", fixture);

		List<CreditFile> files = investigations.filesOf(customerId(investigation));
		assertThat(files).hasSize(1);
		CreditFile file = files.get(0);
		assertThat(file.getStatus()).isEqualTo(CreditFileStatus.IN_PROGRESS);
		assertThat(file.getKind()).isEqualTo(CreditFileKind.INVESTIGATION);
		assertThat(file.getEnteredBy()).isEqualTo("ana");
		assertThat(file.getStatement().quickAssets()).isEqualByComparingTo("1200000.00");
		assertThat(file.getStatement().totalAssetsStart()).isEqualByComparingTo("4000000.00");
		assertThat(file.getRatios().quickRatio()).isEqualByComparingTo("1.2000");
		assertThat(file.getRatios().debtToAssetRatio()).isEqualByComparingTo("0.4500");
		assertThat(file.getRatios().assetTurnover()).isEqualByComparingTo("4.0000");
		assertThat(file.getRatios().netProfitMargin()).isEqualByComparingTo("0.1000");
		assertThat(file.getRatios().netWorth()).isEqualByComparingTo("2750000.00");
		assertThat(file.getRatings()).hasSize(12).allSatisfy((item, rating) -> assertThat(rating.value()).isEqualTo(3));
		assertThat(file.getQualitativePoints()).isEqualTo(36);
		assertThat(file.getCreditScore()).isEqualTo(71);
		assertThat(file.getCreditGrade()).isEqualTo("A");
		assertThat(file.getSuggestedLimit()).isEqualByComparingTo("275000.00");
		assertThat(file.getDecisionVersions()).contains("credit-grade v", "credit-score v", "suggested-limit v",
				"bank-inquiry-needed v", "review-interval v");
		// the versions recorded are the ones the step evaluated, as the decision history has them
		assertThat(engine.getHistoryService()
			.createHistoricDecisionInstanceQuery()
			.processInstanceId(investigation.getId())
			.list()).hasSize(5)
			.allSatisfy(evaluated -> assertThat(file.getDecisionVersions())
				.contains(evaluated.getDecisionDefinitionKey() + " v")
				.contains("(" + evaluated.getDecisionDefinitionId() + ")"));
		assertThat(file.getBankInquiryReasons()).isNull();
	}

	@Test
	void aProposalAboveTheSuggestionNeedsAJustificationAndOneMoreApprovalTier() {
		ProcessInstance investigation = startInvestigation("ana", InvestigationFixture.soundCustomer());
		Task application = openTask(investigation);
		Map<String, Object> proposal = Map.of("proposedLimit", 300_000, "proposedTermMonths", 12, "proposalReason",
				"Long-standing distributor with sound statements.");

		assertThatThrownBy(() -> complete("ana", application, proposal))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("exception to the credit policy")
			.hasMessageContaining("+CNY 25,000.00")
			.hasMessageContaining("[exceptionJustification]");
		assertThat(investigation).isWaitingAt(CreditInvestigationProcess.PREPARE_APPLICATION);
		assertThat(investigations.filesOf(customerId(investigation)).get(0).getProposedLimit()).isNull();

		Map<String, Object> justified = new java.util.HashMap<>(proposal);
		justified.put("exceptionJustification", "Orders double in the season; the owner guarantees personally.");
		complete("ana", openTask(investigation), justified);

		CreditFile file = investigations.filesOf(customerId(investigation)).get(0);
		// 275,000 is both the suggestion and 10 % of the net worth of 2,750,000
		assertThat(file.getExceptionCodes()).isEqualTo("ABOVE_SUGGESTED_LIMIT,ABOVE_NET_WORTH_CAP");
		assertThat(file.getExceptionJustification()).startsWith("Orders double");
		Task first = openTask(investigation);
		assertThat(first.getName()).startsWith("⚠例外 Exception · 授信审批 Approve credit grant");
		assertThat((String) ((Map<?, ?>) engine.getTaskService().getVariable(first.getId(), "approvalView"))
			.get("policyExceptionText")).contains("超出建议额度 Above the suggested limit +CNY 25,000.00", "Orders double");
		// CNY 300,000 alone: customer manager and direct-sales manager; as an exception the regional manager too
		approve(investigation, "clara");
		approve(investigation, "dora");
		assertThat(openTask(investigation).getTaskDefinitionKey()).isEqualTo("UserTask_ApproveCreditGrant");
		approve(investigation, "erik");
		assertThat(investigation).isEnded();
		assertThat(decisions.decisionsOf(customerId(investigation)).get(0).getExceptionCodes())
			.isEqualTo("ABOVE_SUGGESTED_LIMIT,ABOVE_NET_WORTH_CAP");
	}

	@Test
	void aProposalAboveTheBankInquiryThresholdGoesToTheBankBeforeTheApprovers() {
		ProcessInstance investigation = startInvestigation("ana", InvestigationFixture.soundCustomer().scaledBy(20)
			.with("expectedMonthlyPurchases", 1_000_000));
		assertThat(investigation).isWaitingAt(CreditInvestigationProcess.PREPARE_APPLICATION);
		Map<String, Object> proposal = Map.of("proposedLimit", 600_000, "proposedTermMonths", 12, "proposalReason",
				"Larger orders than the customer first asked for.");
		complete("ana", openTask(investigation), proposal);

		assertThat(investigation).isWaitingAt(CreditInvestigationProcess.INQUIRE_WITH_BANK);
		assertThat(creditFileView(investigation)).containsEntry("bankInquiryReasonsText",
				"Requested limit above CNY 500,000");
		complete("ana", openTask(investigation), Map.of("bankName", "Bank of Hangzhou", "bankFacilityAmount", 3_000_000,
				"bankRepaymentRecord", "GOOD", "bankComment", "Customer since 2015, always repaid on time."));
		// back to the application, which goes to the approvers once the bank has answered
		assertThat(investigation).isWaitingAt(CreditInvestigationProcess.PREPARE_APPLICATION);
		complete("ana", openTask(investigation), proposal);
		assertThat(openTask(investigation).getTaskDefinitionKey()).isEqualTo("UserTask_ApproveCreditGrant");
		assertThat(investigations.filesOf(customerId(investigation)).get(0).getBankName()).isEqualTo("Bank of Hangzhou");
	}

	@Test
	void asksTheBankWhenTheStatementsAreNotAudited() {
		ProcessInstance investigation = startInvestigation("ana",
				InvestigationFixture.soundCustomer().with("statementsAudited", false));

		assertThat(investigation).isWaitingAt(CreditInvestigationProcess.INQUIRE_WITH_BANK);
		Task inquiry = openTask(investigation);
		assertThat(creditFileView(investigation)).containsEntry("bankInquiryReasonsText",
				"Financial statements are not audited");

		complete("ana", inquiry, Map.of("bankName", "Bank of Hangzhou", "bankFacilityAmount", 1_500_000,
				"bankRepaymentRecord", "GOOD", "bankComment", "Customer since 2015, always repaid on time."));

		assertThat(investigation).hasPassed(CreditInvestigationProcess.RECORD_BANK_INQUIRY)
			.isWaitingAt(CreditInvestigationProcess.PREPARE_APPLICATION);
		CreditFile file = investigations.filesOf(customerId(investigation)).get(0);
		assertThat(file.getBankName()).isEqualTo("Bank of Hangzhou");
		assertThat(file.getBankFacilityAmount()).isEqualByComparingTo("1500000.00");
		assertThat(file.getBankRepaymentRecord()).isEqualTo("GOOD");
		assertThat(file.getBankInquiredBy()).isEqualTo("ana");
		assertThat((String) engine.getRuntimeService().getVariable(investigation.getId(), "bankInquirySummary"))
			.contains("Bank of Hangzhou", "CNY 1,500,000.00", "GOOD");
	}

	@Test
	void incompleteBankAnswerKeepsTheTaskOpenAndWritesNothing() {
		ProcessInstance investigation = startInvestigation("ana",
				InvestigationFixture.soundCustomer().with("statementsAudited", false));
		Task inquiry = openTask(investigation);

		assertThatThrownBy(() -> complete("ana", inquiry, Map.of("bankName", "Bank of Hangzhou")))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("facility size")
			.hasMessageContaining("repayment record");

		assertThat(investigation).isWaitingAt(CreditInvestigationProcess.INQUIRE_WITH_BANK);
		assertThat(investigations.filesOf(customerId(investigation)).get(0).getBankName()).isNull();
	}

	@Test
	void gradeCMakesTheCustomerCashOnlyAndTellsTheRepWhy() {
		ProcessInstance investigation = startInvestigation("ana", InvestigationFixture.soundCustomer().ratings(1));

		assertThat(investigation).hasPassed(CreditInvestigationProcess.MAKE_CASH_ONLY)
			.hasNotPassed(CreditInvestigationProcess.SUGGEST_LIMIT, CreditInvestigationProcess.PREPARE_APPLICATION)
			.isWaitingAt(CreditInvestigationProcess.REVIEW_CASH_ONLY);
		String reason = (String) engine.getRuntimeService().getVariable(investigation.getId(), "cashOnlyReason");
		assertThat(reason).contains("Grade C", "score 47");
		Customer customer = customers.findById(customerId(investigation)).orElseThrow();
		assertThat(customer.getCreditLimit()).isEqualByComparingTo(BigDecimal.ZERO);
		assertThat(customer.getCreditGrade()).isEqualTo("C");
		assertThat(customer.getCashOnlyReason()).isEqualTo(reason);
		assertThat(customer.getStatus()).as("a prospect declined, not left a prospect").isEqualTo(CustomerStatus.DECLINED);

		complete("ana", openTask(investigation), Map.of("cashOnlyAcknowledged", true));
		assertThat(investigation).isEnded().hasPassed(CreditInvestigationProcess.END_CASH_ONLY);
		assertThat(investigations.filesOf(customer.getId()).get(0).getStatus()).isEqualTo(CreditFileStatus.CASH_ONLY);
		assertThat(investigations.filesOf(customer.getId()).get(0).getReviewPolicy())
			.as("no suggestion recorded it: the cash-only step does").isNotNull();

		ProcessInstance again = startInvestigation("ben", InvestigationFixture.soundCustomer()
			.with("creditCode", customer.getCreditCode()));
		assertThat(customerId(again)).as("the declined company is nobody's: another rep may investigate it")
			.isEqualTo(customer.getId());
		assertThat(customers.findById(customer.getId()).orElseThrow().getResponsibleRep()).isEqualTo("ben");
	}

	@Test
	void badFiguresGoToACorrectionTaskThatNamesTheFieldAndNoCreditFileIsWrittenUntilFixed() {
		ProcessInstance investigation = startInvestigation("ana",
				InvestigationFixture.soundCustomer().with("currentLiabilities", 0).with("quickAssets", -5));

		assertThat(investigation).isWaitingAt(CreditInvestigationProcess.CORRECT_FIGURES)
			.hasNotPassed(CreditInvestigationProcess.SCORE_CREDIT);
		String problem = (String) engine.getRuntimeService().getVariable(investigation.getId(), "figuresProblem");
		assertThat(problem).contains("Current liabilities must be greater than zero")
			.contains("Quick assets cannot be negative");
		assertThat(investigations.filesOf(customerId(investigation))).isEmpty();
		assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(investigation.getId())
			.count()).isZero();
		// the correction form shows what the rep typed: the task holds it, the process does not
		assertThat(engine.getTaskService().getVariablesLocal(openTask(investigation).getId()))
			.containsEntry("quickAssets", -5)
			.containsEntry("currentLiabilities", 0)
			.containsEntry("salesRevenue", 18_000_000)
			.containsEntry("ratingManagement", 3)
			.containsEntry("statementPeriod", "FY2025");
		assertThat(engine.getRuntimeService().getVariables(investigation.getId())).doesNotContainKeys("quickAssets",
				"salesRevenue");

		// only the two corrected figures are sent; the rest stand as typed
		complete("ana", openTask(investigation), Map.of("currentLiabilities", 1_000_000, "quickAssets", 1_200_000));

		assertThat(investigation).isWaitingAt(CreditInvestigationProcess.PREPARE_APPLICATION);
		assertThat(investigations.filesOf(customerId(investigation))).hasSize(1);
	}

	@Test
	void rejectionMakesTheCustomerCashOnlyWithTheApproversReason() {
		ProcessInstance investigation = startInvestigation("ana", InvestigationFixture.soundCustomer());
		prepareApplication(investigation, "ana", 90_000);
		decide(investigation, "clara",
				Map.of("approvalDecision", "REJECT", "approvalComment", "Too little trading history."));

		assertThat(investigation).hasPassed(CreditInvestigationProcess.MAKE_CASH_ONLY)
			.isWaitingAt(CreditInvestigationProcess.REVIEW_CASH_ONLY);
		Customer customer = customers.findById(customerId(investigation)).orElseThrow();
		assertThat(customer.getCashOnlyReason()).contains("rejected", "Too little trading history.", "clara");
		assertThat(customer.getCreditLimit()).isEqualByComparingTo(BigDecimal.ZERO);
		assertThat(investigations.filesOf(customer.getId()).get(0).getStatus()).isEqualTo(CreditFileStatus.REJECTED);
	}

	@Test
	void invalidCreditCodeRefusesTheStartAndCreatesNothing() {
		InvestigationFixture fixture = InvestigationFixture.soundCustomer().with("creditCode", "91350100M000100Y44");
		long customersBefore = customers.count();
		long instancesBefore = engine.getHistoryService().createHistoricProcessInstanceQuery().count();

		assertThatThrownBy(() -> startInvestigation("ana", fixture)).isInstanceOf(StepRefusedException.class)
			.hasMessageContaining("check character '4'")
			.hasMessageContaining("require '3'");

		assertThat(customers.count()).isEqualTo(customersBefore);
		assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count()).isEqualTo(instancesBefore);
	}

	@Test
	void aCustomerWithAnOpenInvestigationCannotGetASecondOne() {
		InvestigationFixture fixture = InvestigationFixture.soundCustomer();
		ProcessInstance first = startInvestigation("ana", fixture);

		assertThatThrownBy(() -> startInvestigation("ana", InvestigationFixture.soundCustomer()
			.with("creditCode", fixture.creditCode()))).isInstanceOf(StepRefusedException.class)
			.hasMessageContaining("already has an open credit case");

		assertThat(engine.getRuntimeService().createProcessInstanceQuery()
			.processInstanceBusinessKey(fixture.creditCode())
			.processDefinitionKey(CreditInvestigationProcess.KEY)
			.count()).isEqualTo(1);
	}

	@Test
	void anotherRepsCustomerCannotBeInvestigated() {
		InvestigationFixture fixture = InvestigationFixture.soundCustomer();
		ProcessInstance first = startInvestigation("ana", fixture);
		prepareApplication(first, "ana", 100_000);
		approve(first, "clara");
		assertThat(customers.findById(customerId(first)).orElseThrow().getStatus()).isEqualTo(CustomerStatus.ACTIVE);

		assertThatThrownBy(() -> startInvestigation("ben", InvestigationFixture.soundCustomer()
			.with("creditCode", fixture.creditCode()))).isInstanceOf(StepRefusedException.class)
			.hasMessageContaining("looked after by ana");
	}

	/** What the rep's forms show about the credit file (one JSON variable). */
	@SuppressWarnings("unchecked")
	private Map<String, Object> creditFileView(ProcessInstance investigation) {
		return (Map<String, Object>) engine.getRuntimeService()
			.getVariable(investigation.getId(), CreditInvestigationProcess.CREDIT_FILE_VIEW);
	}

}
