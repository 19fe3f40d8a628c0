package com.creditdesk.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ReceivableRepository extends JpaRepository<Receivable, Long> {

	Optional<Receivable> findByCustomerIdAndInvoiceNumber(long customerId, String invoiceNumber);

	@Query("select r from Receivable r where r.customerId = :customerId and r.status = com.creditdesk.receivable.Receivable.Status.OPEN order by r.dueDate, r.id")
	List<Receivable> findOpenOldestDueFirst(@Param("customerId") long customerId);

	@Query("select min(r.dueDate) from Receivable r where r.customerId = :customerId and r.status = com.creditdesk.receivable.Receivable.Status.OPEN")
	LocalDate oldestOpenDueDate(@Param("customerId") long customerId);

	List<Receivable> findByCustomerIdOrderByDueDateAscIdAsc(long customerId);

	@Query("select r from Receivable r where r.customerId = :customerId and r.status = com.creditdesk.receivable.Receivable.Status.OPEN and r.dueDate < :today order by r.dueDate, r.id")
	List<Receivable> findOverdue(@Param("customerId") long customerId, @Param("today") LocalDate today);

}

interface PaymentRepository extends JpaRepository<Payment, Long> {

	Optional<Payment> findByCustomerIdAndReference(long customerId, String reference);

	@Query("select p from Payment p where p.customerId = :customerId and p.unappliedAmount > 0 order by p.paymentDate, p.id")
	List<Payment> findWithCreditLeft(@Param("customerId") long customerId);

	@Query("select coalesce(sum(p.amount), 0) from Payment p where p.customerId = :customerId and p.paymentDate >= :from")
	BigDecimal paidSince(@Param("customerId") long customerId, @Param("from") LocalDate from);

}

interface PaymentAllocationRepository extends JpaRepository<PaymentAllocation, Long> {

}

interface CreditNoteRepository extends JpaRepository<CreditNote, Long> {

	Optional<CreditNote> findByCustomerIdAndNoteNumber(long customerId, String noteNumber);

}

interface CustomerExposureRepository extends JpaRepository<CustomerExposure, Long> {

}

interface OrderReservationRepository extends JpaRepository<OrderReservation, Long> {

	Optional<OrderReservation> findByCustomerIdAndOrderReference(long customerId, String orderReference);

}

interface CollateralRepository extends JpaRepository<Collateral, Long> {

	/** Collateral that counts: valid today and verified by a credit administrator (not the one who registered it). */
	@Query("select coalesce(sum(c.value), 0) from Collateral c where c.customerId = :customerId and c.validUntil >= :today"
			+ " and c.verifiedBy is not null")
	BigDecimal validValue(@Param("customerId") long customerId, @Param("today") LocalDate today);

	/** Collateral registered and valid, but not verified yet: reported by the credit check, never used. */
	@Query("select coalesce(sum(c.value), 0) from Collateral c where c.customerId = :customerId and c.validUntil >= :today"
			+ " and c.verifiedBy is null")
	BigDecimal pendingValue(@Param("customerId") long customerId, @Param("today") LocalDate today);

	List<Collateral> findByCustomerIdOrderByValidUntilDesc(long customerId);

}
