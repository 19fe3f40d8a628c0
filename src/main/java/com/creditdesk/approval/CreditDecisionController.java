package com.creditdesk.approval;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.creditdesk.customer.CustomerService;
import com.creditdesk.identity.CurrentUser;

/** A customer's credit decision history: each approval with every approver's step. */
@RestController
@RequestMapping("/api")
class CreditDecisionController {

	private final CreditDecisionService decisions;

	private final CustomerService customers;

	CreditDecisionController(CreditDecisionService decisions, CustomerService customers) {
		this.decisions = decisions;
		this.customers = customers;
	}

	@GetMapping("/customers/{customerId}/credit-decisions")
	List<DecisionView> decisionsOf(@PathVariable long customerId) {
		customers.visibleTo(customerId, CurrentUser.get());
		return decisions.decisionsOf(customerId).stream().map(DecisionView::of).toList();
	}

	@GetMapping("/credit-decisions/{id}")
	DecisionView get(@PathVariable long id) {
		CreditDecision decision = decisions.get(id);
		customers.visibleTo(decision.getCustomerId(), CurrentUser.get());
		return DecisionView.of(decision);
	}

	record StepView(int level, String approverGroup, String approver, StepDecision decision, BigDecimal amount,
			String comment, Instant decidedAt) {
	}

	record DecisionView(long id, long customerId, long creditFileId, String requestedBy, BigDecimal requestedAmount,
			BigDecimal maxGrantableAmount, BigDecimal approvedAmount, BigDecimal cashOrCollateralAmount,
			ApprovalOutcome outcome, String approvalChain, String authorityRule, LocalDate validUntil,
			Instant createdAt, Instant decidedAt, List<StepView> steps, String processInstanceId) {

		static DecisionView of(CreditDecision d) {
			return new DecisionView(d.getId(), d.getCustomerId(), d.getCreditFileId(), d.getRequestedBy(),
					d.getRequestedAmount(), d.getMaxGrantableAmount(), d.getApprovedAmount(),
					d.getCashOrCollateralAmount(), d.getOutcome(), d.getApprovalChain(), d.getAuthorityRule(),
					d.getValidUntil(), d.getCreatedAt(), d.getDecidedAt(),
					d.getSteps()
						.stream()
						.map(s -> new StepView(s.getLevel(), s.getApproverGroup(), s.getApprover(), s.getDecision(),
								s.getAmount(), s.getComment(), s.getDecidedAt()))
						.toList(),
					d.getProcessInstanceId());
		}

	}

}
