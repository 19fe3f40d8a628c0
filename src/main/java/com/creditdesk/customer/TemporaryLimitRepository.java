package com.creditdesk.customer;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface TemporaryLimitRepository extends JpaRepository<TemporaryLimit, Long> {

	List<TemporaryLimit> findByCustomerIdOrderByValidFromDesc(long customerId);

}
