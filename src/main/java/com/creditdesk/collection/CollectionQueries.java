package com.creditdesk.collection;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.creditdesk.system.Messages;
import com.creditdesk.system.NotFoundException;

/** What the pages, the API and the process read about collection cases (read-only). */
@Service
class CollectionQueries {

	private final CollectionCaseRepository cases;

	private final CollectionActionRepository actions;

	private final CollectionEventRepository history;

	private final PaymentPromiseRepository promises;

	private final InstalmentRepository instalments;

	private final DisputeRepository disputes;

	private final CollectionDocumentRepository documents;

	private final WriteOffRepository writeOffs;

	private final BadDebtLiabilityRepository liabilities;

	private final com.fasterxml.jackson.databind.ObjectMapper json;

	CollectionQueries(CollectionCaseRepository cases, CollectionActionRepository actions,
			CollectionEventRepository history, PaymentPromiseRepository promises, InstalmentRepository instalments,
			DisputeRepository disputes, CollectionDocumentRepository documents, WriteOffRepository writeOffs,
			BadDebtLiabilityRepository liabilities, com.fasterxml.jackson.databind.ObjectMapper json) {
		this.cases = cases;
		this.actions = actions;
		this.history = history;
		this.promises = promises;
		this.instalments = instalments;
		this.disputes = disputes;
		this.documents = documents;
		this.writeOffs = writeOffs;
		this.liabilities = liabilities;
		this.json = json;
	}

	/** The letter as a PDF, printed from the figures it was written with. */
	@Transactional(readOnly = true)
	byte[] letterPdf(CollectionDocument document) {
		try {
			return DunningLetters.pdf(json.readValue(document.getSnapshot(), DunningLetters.Letter.class));
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException e) {
			throw new IllegalStateException("Dunning letter " + document.getId() + " cannot be read back: " + e.getMessage(), e);
		}
	}

	@Transactional(readOnly = true)
	List<CollectionAction> actionsOf(long caseId) {
		return actions.findByCaseIdOrderByDoneAtAscIdAsc(caseId);
	}

	@Transactional(readOnly = true)
	List<CollectionEvent> historyOf(long caseId) {
		return history.findByCaseIdOrderByRecordedAtAscIdAsc(caseId);
	}

	@Transactional(readOnly = true)
	List<PaymentPromise> promisesOf(long caseId) {
		return promises.findByCaseIdOrderByRecordedAtAscIdAsc(caseId);
	}

	@Transactional(readOnly = true)
	List<Instalment> planOf(long caseId) {
		return instalments.findByCaseIdOrderBySeq(caseId);
	}

	@Transactional(readOnly = true)
	List<Dispute> disputesOf(long caseId) {
		return disputes.findByCaseIdOrderByRaisedAtAscIdAsc(caseId);
	}

	@Transactional(readOnly = true)
	List<CollectionDocument> documentsOf(long caseId) {
		return documents.findByCaseIdOrderByCreatedAtAscIdAsc(caseId);
	}

	@Transactional(readOnly = true)
	CollectionDocument document(long caseId, long documentId) {
		return documents.findById(documentId)
			.filter(document -> document.getCaseId() == caseId)
			.orElseThrow(() -> new NotFoundException(Messages.text("collection.documentNotFound", String.valueOf(caseId),
					String.valueOf(documentId))));
	}

	@Transactional(readOnly = true)
	java.util.Optional<WriteOff> writeOffOf(long caseId) {
		return writeOffs.findByCaseId(caseId);
	}

	@Transactional(readOnly = true)
	List<BadDebtLiability> liabilitiesOf(long writeOffId) {
		return liabilities.findByWriteOffIdOrderByIdAsc(writeOffId);
	}

	@Transactional(readOnly = true)
	List<BadDebtLiability> liabilities(String person) {
		return person == null ? liabilities.findAllByOrderByPersonAscRecordedAtDescIdAsc()
				: liabilities.findByPersonOrderByRecordedAtDescIdAsc(person);
	}

	@Transactional(readOnly = true)
	List<CollectionCase> cases(CollectionCase.Status status) {
		return cases.findByStatusOrderByOpenedAtDesc(status);
	}

	@Transactional(readOnly = true)
	List<CollectionCase> casesOf(long customerId) {
		return cases.findByCustomerIdOrderByOpenedAtDesc(customerId);
	}

}
