package com.creditdesk.report;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.creditdesk.identity.CurrentUser;

/**
 * Policy exceptions counted per rep and per approver (授信政策例外统计): how many credit-grant applications each rep
 * submitted and how many of them were exceptions, and how many exceptions each approver decided and approved. A rep
 * sees her own line; managers and credit administrators see everyone's.
 */
@Service
@RestController
class PolicyExceptionReport {

	private final JdbcClient jdbc;

	PolicyExceptionReport(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A rep's applications: all, exceptions among them, exceptions granted (approved, reduced or capped). */
	record ByRep(String rep, long applications, long exceptions, long exceptionsGranted) {
	}

	/** An approver's steps on exception applications: decided, and approved (approve or approve a lower amount). */
	record ByApprover(String approver, long exceptionsDecided, long exceptionsApproved) {
	}

	record Report(List<ByRep> byRep, List<ByApprover> byApprover) {
	}

	@GetMapping("/api/reports/policy-exceptions")
	Report api() {
		return report(CurrentUser.get());
	}

	@Transactional(readOnly = true)
	Report report(CurrentUser user) {
		boolean all = user.seesAllCustomers();
		List<ByRep> byRep = jdbc.sql("""
				select requested_by,
				       count(*) applications,
				       sum(case when exception_codes is not null then 1 else 0 end) exceptions,
				       sum(case when exception_codes is not null and outcome in ('APPROVED', 'REDUCED', 'CAPPED')
				                then 1 else 0 end) granted
				from approval_decisions
				where (:all or requested_by = :user)
				group by requested_by
				order by exceptions desc, requested_by
				""")
			.param("all", all)
			.param("user", user.id())
			.query((rs, row) -> new ByRep(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.list();
		List<ByApprover> byApprover = jdbc.sql("""
				select s.approver,
				       count(*) decided,
				       sum(case when s.decision in ('APPROVE', 'REDUCE') then 1 else 0 end) approved
				from approval_decision_steps s
				join approval_decisions d on d.id = s.credit_decision_id
				where d.exception_codes is not null and (:all or s.approver = :user)
				group by s.approver
				order by decided desc, s.approver
				""")
			.param("all", all)
			.param("user", user.id())
			.query((rs, row) -> new ByApprover(rs.getString(1), rs.getLong(2), rs.getLong(3)))
			.list();
		return new Report(byRep, byApprover);
	}

}
