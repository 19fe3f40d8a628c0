package com.creditdesk.collection;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A stage action the case performed (reminder opened, letter generated, hold placed...). The table's unique key
 * (case, action) is what makes each action happen exactly once per case, whoever runs the stage again.
 */
@Entity
@Table(name = "collection_action")
class CollectionAction {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long caseId;

	private String action;

	private String detail;

	private String doneBy;

	private Instant doneAt;

	protected CollectionAction() {
	}

	CollectionAction(long caseId, String action, String detail, String doneBy) {
		this.caseId = caseId;
		this.action = action;
		this.detail = detail;
		this.doneBy = doneBy;
		this.doneAt = Instant.now();
	}

	public String getAction() {
		return action;
	}

	public String getDetail() {
		return detail;
	}

	public String getDoneBy() {
		return doneBy;
	}

	public Instant getDoneAt() {
		return doneAt;
	}

}
