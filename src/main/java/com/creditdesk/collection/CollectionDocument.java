package com.creditdesk.collection;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A document kept with the case: the dunning letter (催款函) as generated, to download and send. */
@Entity
@Table(name = "collection_document")
class CollectionDocument {

	/** The kind of a dunning letter (催款函). */
	static final String DUNNING_LETTER = "DUNNING_LETTER";


	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long caseId;

	private String kind;

	private String fileName;

	private String mediaType;

	private String content;

	private BigDecimal totalAmount;

	private Instant createdAt;

	/** The figures the document was written from (JSON). */
	private String snapshot;

	protected CollectionDocument() {
	}

	CollectionDocument(long caseId, String kind, String fileName, String mediaType, String content,
			BigDecimal totalAmount, String snapshot) {
		this.snapshot = snapshot;
		this.caseId = caseId;
		this.kind = kind;
		this.fileName = fileName;
		this.mediaType = mediaType;
		this.content = content;
		this.totalAmount = totalAmount;
		this.createdAt = Instant.now();
	}

	public Long getId() {
		return id;
	}

	public long getCaseId() {
		return caseId;
	}

	public String getKind() {
		return kind;
	}

	public String getFileName() {
		return fileName;
	}

	public String getMediaType() {
		return mediaType;
	}

	public String getContent() {
		return content;
	}

	public BigDecimal getTotalAmount() {
		return totalAmount;
	}

	public String getSnapshot() {
		return snapshot;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

}
