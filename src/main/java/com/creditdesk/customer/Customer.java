package com.creditdesk.customer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;

import org.hibernate.annotations.DynamicUpdate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A customer of the distributor and its current credit standing (客户档案).
 * <p>
 * Longer than 300 lines on purpose: it is the customer entity: its state changes (limits, holds, key-account class,
 * vanished) are methods that keep their invariants, and a third of it is accessors.
 */
@Entity
@Table(name = "customer")
@DynamicUpdate // a save writes the columns it changed: the morning's classification, written in bulk, stays
public class Customer {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	private String creditCode;

	@Enumerated(EnumType.STRING)
	private OwnershipType ownershipType;

	private String industry;

	private String region;

	private String companySize;

	private String address;

	private String contactName;

	private String contactPhone;

	private String responsibleRep;

	@Enumerated(EnumType.STRING)
	private CustomerStatus status;

	private String creditGrade;

	@Column(precision = 15, scale = 2)
	private BigDecimal creditLimit = BigDecimal.ZERO.setScale(2);

	/** The day the current limit took effect: invoices dated before it are not covered by it. */
	private LocalDate limitValidFrom;

	private LocalDate limitValidUntil;

	private LocalDate nextReviewDate;

	private String cashOnlyReason;

	/** The credit decision that granted the current limit. */
	private Long limitDecisionId;

	/**
	 * Who put the customer on credit hold (e.g. {@code collection-case:42}), if a {@link CreditHold} is why the
	 * customer is on hold; only the same holder lifts it.
	 */
	private String holdPlacedBy;

	/**
	 * The last day of the latest approved temporary increase (临时额度), if any: the credit check, on every order,
	 * looks for an increase only up to that day.
	 */
	private LocalDate temporaryLimitUntil;

	/** The 80/20 class (A = key account, 重点客户), as of {@code keyAccountAsOf}; null until first classified. */
	private String keyAccountClass;

	/** Credit sales of the 12 months up to {@code keyAccountAsOf}. */
	private BigDecimal keyAccountSales;

	/** The customer's share of all credit sales of those 12 months (0 to 1). */
	private BigDecimal keyAccountShare;

	/** Rank by credit sales, 1 = largest. */
	private Integer keyAccountRank;

	private LocalDate keyAccountAsOf;

	/** The credit investigation or re-evaluation currently open for this customer, if any. */
	private String openCaseProcessId;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected Customer() {
	}

	public Customer(String name, String creditCode, OwnershipType ownershipType, String responsibleRep) {
		this.name = name;
		this.creditCode = creditCode;
		this.ownershipType = ownershipType;
		this.responsibleRep = responsibleRep;
		this.status = CustomerStatus.PROSPECT;
	}

	@PrePersist
	void onCreate() {
		createdAt = Instant.now();
		updatedAt = createdAt;
	}

	@PreUpdate
	void onUpdate() {
		updatedAt = Instant.now();
	}

	/**
	 * Records an approved limit: the customer trades on credit up to it from {@code validFrom} until
	 * {@code validUntil}.
	 */
	public void grantLimit(BigDecimal limit, String grade, LocalDate validFrom, LocalDate validUntil,
			LocalDate nextReview, Long decisionId) {
		this.creditLimit = limit.setScale(2, RoundingMode.DOWN);
		this.limitDecisionId = decisionId;
		this.limitValidFrom = validFrom;
		this.creditGrade = grade;
		this.limitValidUntil = validUntil;
		this.nextReviewDate = nextReview;
		this.status = CustomerStatus.ACTIVE;
		this.cashOnlyReason = null;
	}

	/**
	 * The day the current limit took effect, when it is older than its record here: limits taken over from an
	 * earlier system with their ledger (the demo portfolio's history, say).
	 */
	public void limitInForceSince(LocalDate validFrom) {
		if (creditLimit.signum() > 0) {
			this.limitValidFrom = validFrom;
		}
	}

	/** A re-evaluation kept the limit but changed the grade and the next review date. */
	public void regrade(String grade, LocalDate nextReview) {
		this.creditGrade = grade;
		this.nextReviewDate = nextReview;
	}

	/** No credit: every sale must be paid in cash or secured by collateral. */
	public void makeCashOnly(String grade, String reason, LocalDate nextReview) {
		this.creditLimit = BigDecimal.ZERO.setScale(2);
		this.limitDecisionId = null;
		this.limitValidFrom = null;
		if (grade != null) {
			this.creditGrade = grade;
		}
		this.limitValidUntil = null;
		this.nextReviewDate = nextReview;
		this.cashOnlyReason = summary(reason);
		if (status == CustomerStatus.ACTIVE) {
			status = CustomerStatus.CREDIT_HOLD;
		}
		else if (status == CustomerStatus.PROSPECT) {
			status = CustomerStatus.DECLINED; // never a customer on credit: marked so, and nobody's to keep
		}
	}

	/**
	 * A hold stops credit (e.g. overdue collection): a customer trading on credit goes on hold (cash only) until the
	 * holder lifts it. A customer already on hold or cash-only for another reason stays as is.
	 */
	void placeOnHold(String holder, String reason) {
		if (status == CustomerStatus.ACTIVE) {
			status = CustomerStatus.CREDIT_HOLD;
			cashOnlyReason = summary(reason);
			holdPlacedBy = holder;
		}
	}

	/** Lifts the hold this holder placed; a hold for another reason (grade C, another holder) stays. */
	void liftHold(String holder) {
		if (holdPlacedBy != null && holdPlacedBy.equals(holder)) {
			holdPlacedBy = null;
			if (status == CustomerStatus.CREDIT_HOLD && creditLimit.signum() > 0) {
				status = CustomerStatus.ACTIVE;
				cashOnlyReason = null;
			}
		}
	}

	/** The customer cannot be reached: no more credit; the open receivables become write-off candidates. */
	public void reportVanished(String reason) {
		status = CustomerStatus.VANISHED;
		cashOnlyReason = summary(reason);
		holdPlacedBy = null;
	}

	/** The reason as the customer record keeps it: at most 500 characters (the full text stays where it came from). */
	private static String summary(String reason) {
		return reason == null || reason.length() <= 500 ? reason : reason.substring(0, 499) + "…";
	}

	public String getHoldPlacedBy() {
		return holdPlacedBy;
	}

	/** The prospect's investigation was withdrawn (a customer that ever traded stays as it is). */
	public void withdrawProspect(String reason) {
		if (status == CustomerStatus.PROSPECT) {
			status = CustomerStatus.WITHDRAWN;
			cashOnlyReason = summary(reason);
		}
	}

	/** A withdrawn or declined prospect investigated again, by whichever rep starts it. */
	public void reopenProspect(String rep) {
		if (status == CustomerStatus.WITHDRAWN || status == CustomerStatus.DECLINED) {
			status = CustomerStatus.PROSPECT;
			responsibleRep = rep;
			cashOnlyReason = null;
		}
	}

	public void openCase(String processInstanceId) {
		if (openCaseProcessId != null && !openCaseProcessId.equals(processInstanceId)) {
			throw new IllegalStateException("customer " + id + " already has an open credit case " + openCaseProcessId);
		}
		this.openCaseProcessId = processInstanceId;
	}

	public void closeCase(String processInstanceId) {
		if (processInstanceId.equals(openCaseProcessId)) {
			this.openCaseProcessId = null;
		}
	}

	public void updateFacts(String name, OwnershipType ownershipType, String industry, String region,
			String companySize, String address, String contactName, String contactPhone) {
		this.name = name;
		this.ownershipType = ownershipType;
		this.industry = industry;
		this.region = region;
		this.companySize = companySize;
		this.address = address;
		this.contactName = contactName;
		this.contactPhone = contactPhone;
	}

	public Long getId() {
		return id;
	}

	public String getName() {
		return name;
	}

	public String getCreditCode() {
		return creditCode;
	}

	public OwnershipType getOwnershipType() {
		return ownershipType;
	}

	public String getIndustry() {
		return industry;
	}

	public String getRegion() {
		return region;
	}

	public String getCompanySize() {
		return companySize;
	}

	public String getAddress() {
		return address;
	}

	public String getContactName() {
		return contactName;
	}

	public String getContactPhone() {
		return contactPhone;
	}

	public String getResponsibleRep() {
		return responsibleRep;
	}

	public CustomerStatus getStatus() {
		return status;
	}

	public String getCreditGrade() {
		return creditGrade;
	}

	public BigDecimal getCreditLimit() {
		return creditLimit;
	}

	public LocalDate getLimitValidUntil() {
		return limitValidUntil;
	}

	public LocalDate getNextReviewDate() {
		return nextReviewDate;
	}

	public String getCashOnlyReason() {
		return cashOnlyReason;
	}

	public Long getLimitDecisionId() {
		return limitDecisionId;
	}

	/** Whether the customer may buy on credit today: active, with a limit that has not expired. */
	public boolean tradesOnCredit(LocalDate today) {
		return status == CustomerStatus.ACTIVE && creditLimit.signum() > 0
				&& (limitValidUntil == null || !limitValidUntil.isBefore(today));
	}

	/** A temporary increase was approved up to that day. */
	void temporaryIncreaseApprovedUntil(LocalDate until) {
		if (temporaryLimitUntil == null || until.isAfter(temporaryLimitUntil)) {
			temporaryLimitUntil = until;
		}
	}

	/** Whether an approved temporary increase may cover that day (then its record says whether one does). */
	public boolean mayHaveTemporaryIncreaseOn(LocalDate day) {
		return temporaryLimitUntil != null && !day.isAfter(temporaryLimitUntil);
	}

	/** Records the daily 80/20 classification. */
	public void classify(String keyAccountClass, BigDecimal creditSales, BigDecimal share, int rank, LocalDate asOf) {
		this.keyAccountClass = keyAccountClass;
		this.keyAccountSales = creditSales;
		this.keyAccountShare = share;
		this.keyAccountRank = rank;
		this.keyAccountAsOf = asOf;
	}

	/** A key account (重点客户): class A of the 80/20 classification, with the senior treatment the policy defines. */
	public boolean isKeyAccount() {
		return "A".equals(keyAccountClass);
	}

	public String getKeyAccountClass() {
		return keyAccountClass;
	}

	public BigDecimal getKeyAccountSales() {
		return keyAccountSales;
	}

	public BigDecimal getKeyAccountShare() {
		return keyAccountShare;
	}

	public Integer getKeyAccountRank() {
		return keyAccountRank;
	}

	public LocalDate getKeyAccountAsOf() {
		return keyAccountAsOf;
	}

	/** Whether the current limit was in force on that day (and the customer still trades on credit). */
	public boolean limitInForceOn(LocalDate day) {
		return status == CustomerStatus.ACTIVE && creditLimit.signum() > 0
				&& (limitValidFrom == null || !day.isBefore(limitValidFrom))
				&& (limitValidUntil == null || !limitValidUntil.isBefore(day));
	}

	public LocalDate getLimitValidFrom() {
		return limitValidFrom;
	}

	public String getOpenCaseProcessId() {
		return openCaseProcessId;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

}
