package com.creditdesk.investigation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.creditdesk.scoring.ScoredFile;
import com.creditdesk.scoring.FinancialRatios;
import com.creditdesk.scoring.QualitativeItem;
import com.creditdesk.scoring.Rating;
import com.creditdesk.scoring.FinancialStatement;

/**
 * A customer's credit file (客户信用状况调查表): the figures and ratings of one investigation, the ratios computed
 * from them, the scorecard's result and which decision versions produced it, the bank's answer and the rep's
 * application. Each investigation makes a new file; a file changes only while its investigation is in progress.
 * <p>
 * Longer than 300 lines on purpose: it is the credit-file entity (figures, ratios, ratings, score, decision
 * versions, proposal); most of it is accessors.
 */
@Entity
@Table(name = "credit_file")
public class CreditFile implements ScoredFile {

	/** The length of column {@code score_explanation}. */
	static final int MAX_SCORE_EXPLANATION = 4000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long customerId;

	private String processInstanceId;

	@Enumerated(EnumType.STRING)
	private CreditFileKind kind;

	@Enumerated(EnumType.STRING)
	private CreditFileStatus status;

	private String statementPeriod;

	private boolean statementsAudited;

	private BigDecimal quickAssets;

	private BigDecimal currentLiabilities;

	private BigDecimal totalLiabilities;

	private BigDecimal totalAssetsStart;

	private BigDecimal totalAssetsEnd;

	private BigDecimal salesRevenue;

	private BigDecimal netProfit;

	private BigDecimal expectedMonthlyPurchases;

	private int paymentTermDays;

	private BigDecimal requestedLimit;

	private BigDecimal quickRatio;

	private BigDecimal debtToAssetRatio;

	private BigDecimal assetTurnover;

	private BigDecimal netProfitMargin;

	private BigDecimal netWorth;

	private int qualitativePoints;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "credit_file_rating", joinColumns = @JoinColumn(name = "credit_file_id"))
	@MapKeyColumn(name = "item")
	@MapKeyEnumerated(EnumType.STRING)
	private Map<QualitativeItem, Rating> ratings = new EnumMap<>(QualitativeItem.class);

	private Integer creditScore;

	private String creditGrade;

	private BigDecimal suggestedLimit;

	private String decisionVersions;

	/** The score explanation's text as the rep's form showed it when the file was scored; null if not kept. */
	private String scoreExplanation;

	/**
	 * The review-interval policy for the grade (DMN {@code review-interval}) as decided with the suggestion; null for
	 * files suggested before it was recorded.
	 */
	private Integer reviewIntervalMonths;

	private Integer limitValidityMonths;

	private String bankInquiryReasons;

	private String bankName;

	private BigDecimal bankFacilityAmount;

	private String bankRepaymentRecord;

	private String bankComment;

	private String bankInquiredBy;

	private Instant bankInquiredAt;

	private BigDecimal proposedLimit;

	private Integer proposedTermMonths;

	private String proposalReason;

	private Instant proposedAt;

	private String proposedBy;

	/** The policy exceptions of the proposal (DMN policy-exceptions), comma-separated codes; null: within policy. */
	private String exceptionCodes;

	/** The exceptions as people read them, one per line, with their gaps. */
	private String exceptionSummary;

	/** Why the rep proposes beyond the policy (required for an exception). */
	private String exceptionJustification;

	@Column(name = "outcome_note")
	private String outcomeNote;

	private String enteredBy;

	private Instant enteredAt;

	@Version
	private long version;

	protected CreditFile() {
	}

	CreditFile(long customerId, String processInstanceId, CreditFileKind kind, String enteredBy) {
		this.customerId = customerId;
		this.processInstanceId = processInstanceId;
		this.kind = kind;
		this.enteredBy = enteredBy;
		this.enteredAt = Instant.now();
		this.status = CreditFileStatus.IN_PROGRESS;
	}

	/**
	 * A file for a request decided on an earlier file's figures, ratings, score and bank inquiry (a temporary
	 * increase): the approvers see what the customer was scored on, and when.
	 */
	static CreditFile basedOn(CreditFile basis, String processInstanceId, CreditFileKind kind, String enteredBy) {
		CreditFile file = new CreditFile(basis.customerId, processInstanceId, kind, enteredBy);
		file.statementPeriod = basis.statementPeriod;
		file.statementsAudited = basis.statementsAudited;
		file.quickAssets = basis.quickAssets;
		file.currentLiabilities = basis.currentLiabilities;
		file.totalLiabilities = basis.totalLiabilities;
		file.totalAssetsStart = basis.totalAssetsStart;
		file.totalAssetsEnd = basis.totalAssetsEnd;
		file.salesRevenue = basis.salesRevenue;
		file.netProfit = basis.netProfit;
		file.expectedMonthlyPurchases = basis.expectedMonthlyPurchases;
		file.paymentTermDays = basis.paymentTermDays;
		file.requestedLimit = basis.requestedLimit;
		file.quickRatio = basis.quickRatio;
		file.debtToAssetRatio = basis.debtToAssetRatio;
		file.assetTurnover = basis.assetTurnover;
		file.netProfitMargin = basis.netProfitMargin;
		file.netWorth = basis.netWorth;
		file.qualitativePoints = basis.qualitativePoints;
		file.ratings.putAll(basis.ratings);
		file.creditScore = basis.creditScore;
		file.creditGrade = basis.creditGrade;
		file.suggestedLimit = basis.suggestedLimit;
		file.decisionVersions = basis.decisionVersions;
		file.scoreExplanation = basis.scoreExplanation;
		file.reviewIntervalMonths = basis.reviewIntervalMonths;
		file.limitValidityMonths = basis.limitValidityMonths;
		file.bankName = basis.bankName;
		file.bankFacilityAmount = basis.bankFacilityAmount;
		file.bankRepaymentRecord = basis.bankRepaymentRecord;
		file.bankComment = basis.bankComment;
		file.bankInquiredBy = basis.bankInquiredBy;
		file.bankInquiredAt = basis.bankInquiredAt;
		return file;
	}

	void recordFigures(InvestigationInput input, FinancialRatios ratios) {
		ensureInProgress();
		FinancialStatement s = input.statement();
		this.statementPeriod = input.statementPeriod();
		this.statementsAudited = input.statementsAudited();
		this.quickAssets = s.quickAssets();
		this.currentLiabilities = s.currentLiabilities();
		this.totalLiabilities = s.totalLiabilities();
		this.totalAssetsStart = s.totalAssetsStart();
		this.totalAssetsEnd = s.totalAssetsEnd();
		this.salesRevenue = s.salesRevenue();
		this.netProfit = s.netProfit();
		this.expectedMonthlyPurchases = input.expectedMonthlyPurchases();
		this.paymentTermDays = input.paymentTermDays();
		this.requestedLimit = input.requestedLimit();
		this.ratings.clear();
		this.ratings.putAll(input.ratings());
		this.qualitativePoints = input.qualitativePoints();
		this.quickRatio = ratios.quickRatio();
		this.debtToAssetRatio = ratios.debtToAssetRatio();
		this.assetTurnover = ratios.assetTurnover();
		this.netProfitMargin = ratios.netProfitMargin();
		this.netWorth = ratios.netWorth();
		// figures changed: any earlier score is void
		this.creditScore = null;
		this.creditGrade = null;
		this.suggestedLimit = null;
		this.reviewIntervalMonths = null;
		this.limitValidityMonths = null;
		this.scoreExplanation = null;
	}

	void recordGrade(int score, String grade, String decisionVersion) {
		ensureInProgress();
		this.creditScore = score;
		this.creditGrade = grade;
		this.decisionVersions = decisionVersion;
		this.reviewIntervalMonths = null; // decided for the new grade, next
		this.limitValidityMonths = null;
		this.scoreExplanation = null;
	}

	/** The review policy decided for the grade, where no suggestion records it (a grade C case). */
	void recordReviewPolicy(ReviewPolicy policy) {
		ensureInProgress();
		this.reviewIntervalMonths = policy.reviewIntervalMonths();
		this.limitValidityMonths = policy.limitValidityMonths();
	}

	/**
	 * The suggestion, with the review policy decided for the grade. A null policy keeps the one recorded for these
	 * figures (a suggestion re-run by hand from Cockpit, without the review-interval decision before it).
	 */
	void recordSuggestion(BigDecimal suggestedLimit, String bankInquiryReasons, String decisionVersions,
			ReviewPolicy policy) {
		ensureInProgress();
		if (policy != null) {
			this.reviewIntervalMonths = policy.reviewIntervalMonths();
			this.limitValidityMonths = policy.limitValidityMonths();
		}
		this.suggestedLimit = suggestedLimit;
		this.bankInquiryReasons = bankInquiryReasons;
		this.decisionVersions = decisionVersions;
		this.scoreExplanation = null;
	}

	/** Keeps the explanation of the score just suggested on (a text longer than the column is not kept). */
	void keepScoreExplanation(String text) {
		ensureInProgress();
		this.scoreExplanation = text != null && text.length() <= MAX_SCORE_EXPLANATION ? text : null;
	}

	void recordBankInquiry(String bankName, BigDecimal facility, String repaymentRecord, String comment,
			String inquiredBy) {
		if (status != CreditFileStatus.SUBMITTED) {
			ensureInProgress(); // a proposal that crossed the bank-inquiry rule is asked about before it is decided
		}
		this.bankName = bankName;
		this.bankFacilityAmount = facility;
		this.bankRepaymentRecord = repaymentRecord;
		this.bankComment = comment;
		this.bankInquiredBy = inquiredBy;
		this.bankInquiredAt = Instant.now();
	}

	void submitApplication(BigDecimal proposedLimit, int termMonths, String reason, String proposedBy,
			PolicyExceptions exceptions, String justification) {
		if (status != CreditFileStatus.SUBMITTED) {
			ensureInProgress(); // a submitted application may be revised until it is decided
		}
		this.exceptionCodes = exceptions.isEmpty() ? null : exceptions.codes();
		this.exceptionSummary = exceptions.isEmpty() ? null : exceptions.summary();
		this.exceptionJustification = exceptions.isEmpty() ? null : justification;
		this.proposedLimit = proposedLimit;
		this.proposedTermMonths = termMonths;
		this.proposalReason = reason;
		this.proposedAt = Instant.now();
		this.proposedBy = proposedBy;
		this.status = CreditFileStatus.SUBMITTED;
	}

	void close(CreditFileStatus outcome, String note) {
		this.status = outcome;
		this.outcomeNote = note;
	}

	private void ensureInProgress() {
		if (status != CreditFileStatus.IN_PROGRESS) {
			throw new IllegalStateException("credit file " + id + " is " + status + " and can no longer change");
		}
	}

	public Long getId() {
		return id;
	}

	/** Who submitted the credit-grant application: the requester of its approval. */
	public String getProposedBy() {
		return proposedBy;
	}

	public long getCustomerId() {
		return customerId;
	}

	public String getProcessInstanceId() {
		return processInstanceId;
	}

	public CreditFileKind getKind() {
		return kind;
	}

	public CreditFileStatus getStatus() {
		return status;
	}

	public String getStatementPeriod() {
		return statementPeriod;
	}

	public boolean isStatementsAudited() {
		return statementsAudited;
	}

	public FinancialStatement getStatement() {
		return new FinancialStatement(quickAssets, currentLiabilities, totalLiabilities, totalAssetsStart,
				totalAssetsEnd, salesRevenue, netProfit);
	}

	public BigDecimal getExpectedMonthlyPurchases() {
		return expectedMonthlyPurchases;
	}

	public int getPaymentTermDays() {
		return paymentTermDays;
	}

	public BigDecimal getRequestedLimit() {
		return requestedLimit;
	}

	public FinancialRatios getRatios() {
		return new FinancialRatios(quickRatio, debtToAssetRatio, assetTurnover, netProfitMargin, netWorth);
	}

	public Map<QualitativeItem, Rating> getRatings() {
		return Map.copyOf(ratings);
	}

	public int getQualitativePoints() {
		return qualitativePoints;
	}

	public Integer getCreditScore() {
		return creditScore;
	}

	public String getCreditGrade() {
		return creditGrade;
	}

	public BigDecimal getSuggestedLimit() {
		return suggestedLimit;
	}

	public String getDecisionVersions() {
		return decisionVersions;
	}

	/** The review policy recorded with the suggestion, or null if none was. */
	ReviewPolicy getReviewPolicy() {
		return reviewIntervalMonths == null || limitValidityMonths == null ? null
				: new ReviewPolicy(reviewIntervalMonths, limitValidityMonths);
	}

	public String getScoreExplanation() {
		return scoreExplanation;
	}

	public String getBankInquiryReasons() {
		return bankInquiryReasons;
	}

	public String getBankName() {
		return bankName;
	}

	public BigDecimal getBankFacilityAmount() {
		return bankFacilityAmount;
	}

	public String getBankRepaymentRecord() {
		return bankRepaymentRecord;
	}

	public String getBankComment() {
		return bankComment;
	}

	public String getBankInquiredBy() {
		return bankInquiredBy;
	}

	public Instant getBankInquiredAt() {
		return bankInquiredAt;
	}

	public BigDecimal getProposedLimit() {
		return proposedLimit;
	}

	public Integer getProposedTermMonths() {
		return proposedTermMonths;
	}

	public String getProposalReason() {
		return proposalReason;
	}

	public Instant getProposedAt() {
		return proposedAt;
	}

	public String getOutcomeNote() {
		return outcomeNote;
	}

	public String getEnteredBy() {
		return enteredBy;
	}

	public Instant getEnteredAt() {
		return enteredAt;
	}

	public String getExceptionCodes() {
		return exceptionCodes;
	}

	public String getExceptionSummary() {
		return exceptionSummary;
	}

	public String getExceptionJustification() {
		return exceptionJustification;
	}

}
