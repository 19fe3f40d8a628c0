package com.creditdesk.collection;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An approved bad-debt write-off (坏账核销) of a case's overdue invoices, with how it was split. */
@Entity
@Table(name = "write_off")
class WriteOff {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long caseId;

	private long customerId;

	private String proposedBy;

	private String approvedBy;

	private String reason;

	private BigDecimal totalAmount;

	private BigDecimal coveredAmount;

	private BigDecimal uncoveredAmount;

	private BigDecimal repPercent;

	private BigDecimal approverPercent;

	private BigDecimal companyAmount;

	private Instant writtenOffAt;

	protected WriteOff() {
	}

	WriteOff(long caseId, long customerId, String proposedBy, String approvedBy, String reason,
			LiabilitySplit split) {
		this.caseId = caseId;
		this.customerId = customerId;
		this.proposedBy = proposedBy;
		this.approvedBy = approvedBy;
		this.reason = reason;
		this.totalAmount = split.total();
		this.coveredAmount = split.covered();
		this.uncoveredAmount = split.uncovered();
		this.repPercent = split.repPercent();
		this.approverPercent = split.approverPercent();
		this.companyAmount = split.company();
		this.writtenOffAt = Instant.now();
	}

	public Long getId() {
		return id;
	}

	public long getCaseId() {
		return caseId;
	}

	public long getCustomerId() {
		return customerId;
	}

	public String getProposedBy() {
		return proposedBy;
	}

	public String getApprovedBy() {
		return approvedBy;
	}

	public String getReason() {
		return reason;
	}

	public BigDecimal getTotalAmount() {
		return totalAmount;
	}

	public BigDecimal getCoveredAmount() {
		return coveredAmount;
	}

	public BigDecimal getUncoveredAmount() {
		return uncoveredAmount;
	}

	public BigDecimal getRepPercent() {
		return repPercent;
	}

	public BigDecimal getApproverPercent() {
		return approverPercent;
	}

	public BigDecimal getCompanyAmount() {
		return companyAmount;
	}

	public Instant getWrittenOffAt() {
		return writtenOffAt;
	}

}
