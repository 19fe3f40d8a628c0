package com.creditdesk.policy;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface PolicyCandidateRepository extends JpaRepository<PolicyCandidate, Long> {

	List<PolicyCandidate> findTop200ByOrderByIdDesc();

}
