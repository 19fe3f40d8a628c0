package com.creditdesk.investigation;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;

import com.creditdesk.scoring.RatioBenchmark;
import com.creditdesk.scoring.QualitativeItem;
import com.creditdesk.scoring.Rating;
import com.creditdesk.scoring.FinancialStatement;
import com.creditdesk.customer.CustomerFacts;
import com.creditdesk.system.ProcessVariable;

/**
 * The {@code credit-investigation} process: its key, the element ids code and tests refer to, and typed access to
 * its variables. Form field keys equal variable names.
 */
public final class CreditInvestigationProcess {

	public static final String KEY = "credit-investigation";

	// elements
	public static final String START = "StartEvent_InvestigationRequested";
	public static final String REGISTER_CUSTOMER = "Task_RegisterCustomer";
	public static final String RECORD_STATEMENTS = "Task_RecordFinancialStatements";
	public static final String CORRECT_FIGURES = "UserTask_CorrectFigures";
	public static final String SCORE_CREDIT = "Task_ScoreCredit";
	public static final String RECORD_GRADE = "Task_RecordCreditGrade";
	public static final String DETERMINE_REVIEW_INTERVAL = "Task_DetermineReviewInterval";
	public static final String SUGGEST_LIMIT = "Task_SuggestCreditLimit";
	public static final String CHECK_BANK_INQUIRY = "Task_CheckBankInquiryNeeded";
	public static final String RECORD_SUGGESTION = "Task_RecordLimitSuggestion";
	public static final String INQUIRE_WITH_BANK = "UserTask_InquireWithBank";
	public static final String RECORD_BANK_INQUIRY = "Task_RecordBankInquiry";
	public static final String PREPARE_APPLICATION = "UserTask_PrepareCreditApplication";
	public static final String SUBMIT_APPLICATION = "Task_SubmitCreditApplication";
	public static final String REQUEST_APPROVAL = "CallActivity_RequestCreditGrantApproval";
	public static final String GRANT_LIMIT = "Task_GrantCreditLimit";
	public static final String MAKE_CASH_ONLY = "Task_MakeCustomerCashOnly";
	public static final String REVIEW_CASH_ONLY = "UserTask_ReviewCashOnlyOutcome";
	public static final String END_LIMIT_GRANTED = "EndEvent_CreditLimitGranted";
	public static final String END_CASH_ONLY = "EndEvent_CustomerCashOnly";

	// variables: ids and flow
	public static final String REQUESTER = "requester";
	public static final String CUSTOMER_ID = "customerId";
	public static final String CREDIT_FILE_ID = "creditFileId";
	public static final String FIGURES_VALID = "figuresValid";
	public static final String FIGURES_PROBLEM = "figuresProblem";
	public static final String GRADE_RESULT = "gradeResult";
	public static final String REVIEW_POLICY = "reviewPolicy";
	public static final String SUGGESTED_LIMIT_RESULT = "suggestedLimitResult";
	public static final String BANK_INQUIRY_REASON_LIST = "bankInquiryReasonList";
	public static final String BANK_INQUIRY_NEEDED = "bankInquiryNeeded";
	public static final String NEXT_REVIEW_DATE = "nextReviewDate";
	public static final String CASH_ONLY_REASON = "cashOnlyReason";

	// variables: customer facts (start form)
	public static final String CUSTOMER_NAME = "customerName";
	public static final String CREDIT_CODE = "creditCode";
	public static final String OWNERSHIP_TYPE = "ownershipType";

	// variables: statements, request (start and correction forms)
	public static final String STATEMENT_PERIOD = "statementPeriod";
	public static final String STATEMENTS_AUDITED = "statementsAudited";
	public static final String EXPECTED_MONTHLY_PURCHASES = "expectedMonthlyPurchases";
	public static final String PAYMENT_TERM_DAYS = "paymentTermDays";
	public static final String REQUESTED_LIMIT = "requestedLimit";

	/**
	 * What the rep's and the manager's forms only show about the credit file, in one JSON variable (the forms read
	 * {@code creditFileView.suggestedLimitText} and so on): the texts marked "in the view". One variable instead of
	 * ten: fewer rows for each step. The application, bank-inquiry and cash-only forms, and the re-evaluation's
	 * proposal and confirmation, read it.
	 */
	public static final String CREDIT_FILE_VIEW = "creditFileView";

	// variables: computed, the ratios are the scorecard's inputs for the scoring step only (StepValue); the texts are
	// shown read-only in forms
	public static final String QUICK_RATIO = "quickRatio";
	public static final String DEBT_TO_ASSET_RATIO = "debtToAssetRatio";
	public static final String ASSET_TURNOVER = "assetTurnover";
	public static final String NET_PROFIT_MARGIN = "netProfitMargin";
	public static final String NET_WORTH = "netWorth";
	public static final String QUALITATIVE_POINTS = "qualitativePoints";
	public static final String CREDIT_SCORE = "creditScore";
	public static final String CREDIT_GRADE = "creditGrade";
	/**
	 * The application form warns with it ({@code proposedLimit - creditFileView.suggestedLimit}), so a number for FEEL
	 * (in the view).
	 */
	public static final String SUGGESTED_LIMIT = "suggestedLimit";
	public static final String SUGGESTED_LIMIT_TEXT = "suggestedLimitText"; // in the view
	public static final String BANK_INQUIRY_REASONS_TEXT = "bankInquiryReasonsText"; // in the view
	public static final String REQUESTED_LIMIT_TEXT = "requestedLimitText"; // in the view

	/** The rep's written justification of a policy exception (application form). */
	public static final String EXCEPTION_JUSTIFICATION = "exceptionJustification";

	/** Whether the submitted proposal is a policy exception: the approval goes one tier higher (approval-authority). */
	public static final String POLICY_EXCEPTION = "policyException";

	/** Whether the proposal crossed the bank-inquiry rule without a bank inquiry on the file yet. */
	public static final String PROPOSAL_NEEDS_BANK_INQUIRY = "proposalNeedsBankInquiry";

	/** Why the file scored what it did (ScoreExplanation), for the application and cash-only forms. */
	public static final String SCORE_EXPLANATION_TEXT = "scoreExplanationText"; // in the view

	/** The grade's limit validity (review-interval), for the application form's warning (in the view). */
	public static final String LIMIT_VALIDITY_MONTHS = "limitValidityMonths";
	public static final String BANK_INQUIRY_SUMMARY = "bankInquirySummary";

	// variables: bank inquiry form
	public static final String BANK_NAME = "bankName";
	public static final String BANK_FACILITY_AMOUNT = "bankFacilityAmount";
	public static final String BANK_REPAYMENT_RECORD = "bankRepaymentRecord";
	public static final String BANK_COMMENT = "bankComment";

	// variables: application form
	public static final String PROPOSED_LIMIT = "proposedLimit";
	public static final String PROPOSED_TERM_MONTHS = "proposedTermMonths";
	public static final String PROPOSAL_REASON = "proposalReason";

	/** The assessment text of each ratio in the view, e.g. {@code quickRatioAssessment}. */
	public static final Map<RatioBenchmark, String> ASSESSMENT_VARIABLES = Map.of(RatioBenchmark.QUICK_RATIO,
			"quickRatioAssessment", RatioBenchmark.DEBT_TO_ASSET, "debtToAssetAssessment",
			RatioBenchmark.ASSET_TURNOVER, "assetTurnoverAssessment", RatioBenchmark.NET_PROFIT_MARGIN,
			"netProfitMarginAssessment");

	private CreditInvestigationProcess() {
	}

	static CustomerFacts customerFacts(VariableScope scope) {
		return new CustomerFacts(text(scope, CUSTOMER_NAME), text(scope, CREDIT_CODE),
				CustomerFacts.ownership(scope.getVariable(OWNERSHIP_TYPE)), text(scope, "industry"),
				text(scope, "region"), text(scope, "companySize"), text(scope, "address"), text(scope, "contactName"),
				text(scope, "contactPhone"));
	}

	/**
	 * Reads the investigation figures. A value that is not a number at all is reported by
	 * {@link InvestigationInput#problems()} as missing; the delegate names it.
	 */
	static InvestigationInput investigationInput(VariableScope scope) {
		FinancialStatement statement = new FinancialStatement(money(scope, "quickAssets"),
				money(scope, "currentLiabilities"), money(scope, "totalLiabilities"), money(scope, "totalAssetsStart"),
				money(scope, "totalAssetsEnd"), money(scope, "salesRevenue"), money(scope, "netProfit"));
		Map<QualitativeItem, Rating> ratings = new EnumMap<>(QualitativeItem.class);
		for (QualitativeItem item : QualitativeItem.values()) {
			Integer value = integer(scope, item.ratingKey());
			if (value != null) {
				ratings.put(item, new Rating(value, text(scope, item.noteKey())));
			}
		}
		return new InvestigationInput(text(scope, STATEMENT_PERIOD), bool(scope, STATEMENTS_AUDITED), statement,
				ratings, money(scope, EXPECTED_MONTHLY_PURCHASES), integer(scope, PAYMENT_TERM_DAYS),
				money(scope, REQUESTED_LIMIT));
	}

	public static long customerId(VariableScope scope) {
		return ((Number) scope.getVariable(CUSTOMER_ID)).longValue();
	}

	public static Long creditFileId(VariableScope scope) {
		Object value = scope.getVariable(CREDIT_FILE_ID);
		return value == null ? null : ((Number) value).longValue();
	}

	/** Adds texts to the credit-file view (a null text clears its entry), keeping the others. */
	static void show(VariableScope scope, Map<String, ?> texts) {
		Map<String, Object> view = new LinkedHashMap<>();
		if (scope.getVariable(CREDIT_FILE_VIEW) instanceof Map<?, ?> held) {
			held.forEach((name, text) -> view.put(String.valueOf(name), text));
		}
		view.putAll(texts);
		scope.setVariable(CREDIT_FILE_VIEW,
				Variables.objectValue(view).serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
	}

	// what a person entered: one reading for every form field, through ProcessVariable (null if not of its type)

	public static String text(VariableScope scope, String name) {
		return ProcessVariable.text(name).input(scope);
	}

	public static BigDecimal money(VariableScope scope, String name) {
		return ProcessVariable.money(name).input(scope);
	}

	public static Integer integer(VariableScope scope, String name) {
		return ProcessVariable.integer(name).input(scope);
	}

	static boolean bool(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
	}

}
