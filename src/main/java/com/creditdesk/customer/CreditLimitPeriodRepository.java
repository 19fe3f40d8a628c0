package com.creditdesk.customer;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CreditLimitPeriodRepository extends JpaRepository<CreditLimitPeriod, Long> {

	List<CreditLimitPeriod> findByCustomerIdOrderByValidFromDesc(long customerId);

}
