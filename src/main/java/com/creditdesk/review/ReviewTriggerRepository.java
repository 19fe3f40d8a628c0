package com.creditdesk.review;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReviewTriggerRepository extends JpaRepository<ReviewTrigger, Long> {

	List<ReviewTrigger> findByCustomerIdOrderByCreatedAtDesc(long customerId);

	List<ReviewTrigger> findByProcessInstanceIdOrderByCreatedAt(String processInstanceId);

}
