package com.creditdesk.customer;

import java.util.List;
import java.util.Optional;

import java.time.LocalDate;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CustomerRepository extends JpaRepository<Customer, Long> {

	/**
	 * As a query string, not a derived query: Hibernate reuses the string's translated SQL, where it translated the
	 * derived criteria query again on every call (profiled in {@code bench/run workflow}: 70 of a credit
	 * investigation start's 2,040 CPU samples, about a quarter of those in Hibernate, were that translation).
	 */
	@Query("select c from Customer c where c.creditCode = :creditCode")
	Optional<Customer> findByCreditCode(@Param("creditCode") String creditCode);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from Customer c where c.id = :id")
	Optional<Customer> findForUpdate(@Param("id") long id);

	List<Customer> findByResponsibleRepOrderByName(String responsibleRep);

	List<Customer> findAllByOrderByName();

	@Query("select c.id from Customer c order by c.id")
	List<Long> findAllIds();

	@Query("""
			select c from Customer c
			where c.openCaseProcessId is null
			  and c.status in (com.creditdesk.customer.CustomerStatus.ACTIVE, com.creditdesk.customer.CustomerStatus.CREDIT_HOLD)
			  and (c.nextReviewDate <= :today or c.limitValidUntil < :today)
			order by c.nextReviewDate
			""")
	List<Customer> findDueForReview(@Param("today") LocalDate today);

}
