package com.creditdesk.collection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One customer's overdue collection case (催收案件): open while overdue receivables remain. */
@Entity
@Table(name = "collection_case")
public class CollectionCase {

	public enum Status {

		OPEN, SETTLED, WRITTEN_OFF, CANCELLED

	}

	/** What the regional manager decided at day 60. */
	public enum Action {

		PAYMENT_PLAN, LEGAL_ACTION, COLLECTION_AGENCY, PROPOSE_WRITE_OFF

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long customerId;

	/** The customer id while open, null once closed: the database keeps one open case per customer. */
	private Long openCustomerId;

	private String processInstanceId;

	@Enumerated(EnumType.STRING)
	private Status status;

	/** A code of {@link CollectionStages} ({@code NONE} before the first assessment). */
	private String stage;

	/** Stages added by broken promises. */
	private int escalation;

	private LocalDate oldestDueDate;

	private int daysPastDue;

	private BigDecimal overdueAmount;

	@Enumerated(EnumType.STRING)
	private Action collectionAction;

	private String writeOffProposedBy;

	private String vanishedReportedBy;

	private Instant openedAt;

	private Instant assessedAt;

	private Instant closedAt;

	private String closeReason;

	@Version
	private long version;

	protected CollectionCase() {
	}

	CollectionCase(long customerId, String processInstanceId) {
		this.customerId = customerId;
		this.openCustomerId = customerId;
		this.processInstanceId = processInstanceId;
		this.status = Status.OPEN;
		this.stage = CollectionStages.NONE;
		this.overdueAmount = BigDecimal.ZERO.setScale(2);
		this.openedAt = Instant.now();
	}

	void assessed(LocalDate oldestDue, int days, BigDecimal amount) {
		this.oldestDueDate = oldestDue;
		this.daysPastDue = days;
		this.overdueAmount = amount;
		this.assessedAt = Instant.now();
	}

	void moveTo(String stage) {
		this.stage = stage;
	}

	void escalate() {
		this.escalation++;
	}

	void decided(Action action) {
		this.collectionAction = action;
	}

	void proposeWriteOff(String proposer) {
		this.writeOffProposedBy = proposer;
	}

	void vanishedReportedBy(String rep) {
		this.vanishedReportedBy = rep;
	}

	void close(Status status, String reason) {
		this.status = status;
		this.openCustomerId = null;
		this.closedAt = Instant.now();
		this.closeReason = reason;
	}

	public boolean isOpen() {
		return status == Status.OPEN;
	}

	public Long getId() {
		return id;
	}

	public long getCustomerId() {
		return customerId;
	}

	public String getProcessInstanceId() {
		return processInstanceId;
	}

	public Status getStatus() {
		return status;
	}

	public String getStage() {
		return stage;
	}

	public int getEscalation() {
		return escalation;
	}

	public LocalDate getOldestDueDate() {
		return oldestDueDate;
	}

	public int getDaysPastDue() {
		return daysPastDue;
	}

	public BigDecimal getOverdueAmount() {
		return overdueAmount;
	}

	public Action getCollectionAction() {
		return collectionAction;
	}

	public String getWriteOffProposedBy() {
		return writeOffProposedBy;
	}

	public String getVanishedReportedBy() {
		return vanishedReportedBy;
	}

	public Instant getOpenedAt() {
		return openedAt;
	}

	public Instant getAssessedAt() {
		return assessedAt;
	}

	public Instant getClosedAt() {
		return closedAt;
	}

	public String getCloseReason() {
		return closeReason;
	}

}
