package com.creditdesk.policy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.creditdesk.system.ConflictException;
import com.creditdesk.system.Messages;

/**
 * A changed credit-policy decision (one DMN file of {@code processes/}), saved by a credit administrator from the
 * workbench's editor: validated when saved, proposed for deployment through the {@code policy-change} process,
 * reviewed by another credit administrator and, when approved, deployed as the new version of that decision alone.
 */
@Entity
@Table(name = "policy_candidate")
public class PolicyCandidate {

	/** Where the candidate stands. */
	public enum Status {

		/** Saved: may be simulated and proposed (when valid). */
		DRAFT,
		/** Waiting for another credit administrator's review. */
		PROPOSED,
		/** Approved and deployed: the live version of the decision. */
		DEPLOYED,
		/** The reviewer rejected it. */
		REJECTED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String policyKey;

	@Column(length = 1_000_000)
	private String xml;

	/** The deployed decision definition it was edited from (its first decision), and that version. */
	private String basedOnDefinition;

	private Integer basedOnVersion;

	private String author;

	private Instant createdAt;

	private String authorComment;

	@Enumerated(EnumType.STRING)
	private Status status;

	private boolean valid;

	/** The validation's findings as JSON (violations by decision, rule and column; test case failures). */
	@Column(length = 20_000)
	private String violations;

	/** The last portfolio simulation in a line, for the reviewer's task. */
	private String simulationSummary;

	private String processInstanceId;

	private Instant proposedAt;

	private String reviewer;

	private Instant reviewedAt;

	private String reviewComment;

	private String deploymentId;

	private Integer deployedVersion;

	@Version
	private long version;

	protected PolicyCandidate() {
	}

	PolicyCandidate(String policyKey, String xml, String basedOnDefinition, Integer basedOnVersion, String author,
			String comment, boolean valid, String violations) {
		this.policyKey = policyKey;
		this.xml = xml;
		this.basedOnDefinition = basedOnDefinition;
		this.basedOnVersion = basedOnVersion;
		this.author = author;
		this.authorComment = comment;
		this.createdAt = Instant.now();
		this.status = Status.DRAFT;
		this.valid = valid;
		this.violations = violations;
	}

	void propose(String processInstanceId) {
		requireProposable();
		this.status = Status.PROPOSED;
		this.processInstanceId = processInstanceId;
		this.proposedAt = Instant.now();
	}

	void reviewAbandoned() {
		this.status = Status.DRAFT;
		this.processInstanceId = null;
		this.proposedAt = null;
	}

	void proposedIn(String processInstanceId) {
		this.processInstanceId = processInstanceId;
	}

	private void requireProposable() {
		if (status != Status.DRAFT) {
			throw new ConflictException(Messages.text("policy.notDraft", id, status.name()));
		}
		if (!valid) {
			throw new ConflictException(Messages.text("policy.invalidCannotBeProposed", id));
		}
	}

	void deployed(String reviewer, String comment, String deploymentId, int deployedVersion) {
		review(reviewer, comment);
		this.status = Status.DEPLOYED;
		this.deploymentId = deploymentId;
		this.deployedVersion = deployedVersion;
	}

	void rejected(String reviewer, String comment) {
		review(reviewer, comment);
		this.status = Status.REJECTED;
	}

	private void review(String reviewer, String comment) {
		if (status != Status.PROPOSED) {
			throw new ConflictException(Messages.text("policy.notProposed", id, status.name()));
		}
		this.reviewer = reviewer;
		this.reviewComment = comment;
		this.reviewedAt = Instant.now();
	}

	void simulated(String summary) {
		this.simulationSummary = summary.length() > 2000 ? summary.substring(0, 2000) : summary;
	}

	public Long getId() {
		return id;
	}

	public String getPolicyKey() {
		return policyKey;
	}

	public String getXml() {
		return xml;
	}

	public String getBasedOnDefinition() {
		return basedOnDefinition;
	}

	public Integer getBasedOnVersion() {
		return basedOnVersion;
	}

	public String getAuthor() {
		return author;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public String getAuthorComment() {
		return authorComment;
	}

	public Status getStatus() {
		return status;
	}

	public boolean isValid() {
		return valid;
	}

	public String getViolations() {
		return violations;
	}

	public String getSimulationSummary() {
		return simulationSummary;
	}

	public String getProcessInstanceId() {
		return processInstanceId;
	}

	public Instant getProposedAt() {
		return proposedAt;
	}

	public String getReviewer() {
		return reviewer;
	}

	public Instant getReviewedAt() {
		return reviewedAt;
	}

	public String getReviewComment() {
		return reviewComment;
	}

	public String getDeploymentId() {
		return deploymentId;
	}

	public Integer getDeployedVersion() {
		return deployedVersion;
	}

}
