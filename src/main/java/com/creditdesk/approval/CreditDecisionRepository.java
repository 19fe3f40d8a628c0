package com.creditdesk.approval;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CreditDecisionRepository extends JpaRepository<CreditDecision, Long> {

	List<CreditDecision> findByCustomerIdOrderByCreatedAtDesc(long customerId);

}
