package com.creditdesk.investigation;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CreditFileRepository extends JpaRepository<CreditFile, Long> {

	List<CreditFile> findByCustomerIdOrderByEnteredAtDesc(long customerId);

}
