package com.creditdesk.collection;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CollectionCaseRepository extends JpaRepository<CollectionCase, Long> {

	@Query("select c from CollectionCase c where c.customerId = :customerId and c.status = com.creditdesk.collection.CollectionCase.Status.OPEN")
	Optional<CollectionCase> findOpen(@Param("customerId") long customerId);

	@Query("select c.customerId from CollectionCase c where c.status = com.creditdesk.collection.CollectionCase.Status.OPEN")
	List<Long> openCustomerIds();

	List<CollectionCase> findByStatusOrderByOpenedAtDesc(CollectionCase.Status status);

	List<CollectionCase> findByCustomerIdOrderByOpenedAtDesc(long customerId);

	Optional<CollectionCase> findByProcessInstanceId(String processInstanceId);

}

interface CollectionActionRepository extends JpaRepository<CollectionAction, Long> {

	boolean existsByCaseIdAndAction(long caseId, String action);

	List<CollectionAction> findByCaseIdOrderByDoneAtAscIdAsc(long caseId);

}

interface CollectionEventRepository extends JpaRepository<CollectionEvent, Long> {

	List<CollectionEvent> findByCaseIdOrderByRecordedAtAscIdAsc(long caseId);

}

interface PaymentPromiseRepository extends JpaRepository<PaymentPromise, Long> {

	List<PaymentPromise> findByCaseIdAndStatus(long caseId, PaymentPromise.Status status);

	List<PaymentPromise> findByCaseIdOrderByRecordedAtAscIdAsc(long caseId);

}

interface InstalmentRepository extends JpaRepository<Instalment, Long> {

	List<Instalment> findByCaseIdOrderBySeq(long caseId);

}

interface DisputeRepository extends JpaRepository<Dispute, Long> {

	List<Dispute> findByCaseIdAndStatus(long caseId, Dispute.Status status);

	List<Dispute> findByCaseIdOrderByRaisedAtAscIdAsc(long caseId);

}

interface CollectionDocumentRepository extends JpaRepository<CollectionDocument, Long> {

	List<CollectionDocument> findByCaseIdOrderByCreatedAtAscIdAsc(long caseId);

}

interface WriteOffRepository extends JpaRepository<WriteOff, Long> {

	Optional<WriteOff> findByCaseId(long caseId);

}

interface BadDebtLiabilityRepository extends JpaRepository<BadDebtLiability, Long> {

	List<BadDebtLiability> findByWriteOffIdOrderByIdAsc(long writeOffId);

	List<BadDebtLiability> findByPersonOrderByRecordedAtDescIdAsc(String person);

	List<BadDebtLiability> findAllByOrderByPersonAscRecordedAtDescIdAsc();

}
