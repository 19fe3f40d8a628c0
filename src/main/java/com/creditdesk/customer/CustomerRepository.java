package com.creditdesk.customer;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CustomerRepository extends JpaRepository<Customer, Long> {

	Optional<Customer> findByCreditCode(String creditCode);

	List<Customer> findByResponsibleRepOrderByName(String responsibleRep);

	List<Customer> findAllByOrderByName();

}
