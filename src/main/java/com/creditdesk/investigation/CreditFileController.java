package com.creditdesk.investigation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.creditdesk.scoring.FinancialRatios;
import com.creditdesk.scoring.ScoreExplanation;
import com.creditdesk.scoring.QualitativeItem;
import com.creditdesk.scoring.Rating;
import com.creditdesk.scoring.FinancialStatement;
import com.creditdesk.customer.CustomerService;
import com.creditdesk.identity.CurrentUser;

/** A customer's credit files (客户信用状况调查表), newest first. */
@RestController
@RequestMapping("/api")
class CreditFileController {

	private final CreditInvestigationService investigations;

	private final CustomerService customers;

	private final InvestigationWithdrawal withdrawal;

	private final ScoreExplanation explanation;

	CreditFileController(CreditInvestigationService investigations, CustomerService customers,
			InvestigationWithdrawal withdrawal, ScoreExplanation explanation) {
		this.explanation = explanation;
		this.investigations = investigations;
		this.customers = customers;
		this.withdrawal = withdrawal;
	}

	record WithdrawalRequest(String reason) {
	}

	/** The rep withdraws the customer's open credit investigation, with a reason. */
	@PostMapping("/customers/{customerId}/investigation/withdrawal")
	InvestigationWithdrawal.Withdrawn withdraw(@PathVariable long customerId, @RequestBody WithdrawalRequest request) {
		return withdrawal.withdraw(customerId, request.reason(), CurrentUser.get());
	}

	@GetMapping("/customers/{customerId}/credit-files")
	List<CreditFileView> filesOf(@PathVariable long customerId) {
		customers.visibleTo(customerId, CurrentUser.get());
		return investigations.filesOf(customerId).stream().map(CreditFileView::of).toList();
	}

	@GetMapping("/credit-files/{id}")
	CreditFileView get(@PathVariable long id) {
		CreditFile file = investigations.get(id);
		customers.visibleTo(file.getCustomerId(), CurrentUser.get());
		return CreditFileView.of(file);
	}

	/** Why the file scored what it did, from the scorecard that scored it (see {@link ScoreExplanation}). */
	@GetMapping("/credit-files/{id}/score-explanation")
	ScoreExplanation.Explanation explain(@PathVariable long id) {
		CreditFile file = investigations.get(id);
		customers.visibleTo(file.getCustomerId(), CurrentUser.get());
		if (file.getCreditScore() == null || file.getRatios().quickRatio() == null) {
			throw new com.creditdesk.system.ConflictException(
					com.creditdesk.system.Messages.text("investigation.notScoredYet", String.valueOf(id)));
		}
		return explanation.explain(file);
	}

	record CreditFileView(long id, long customerId, CreditFileKind kind, CreditFileStatus status,
			String statementPeriod, boolean statementsAudited, FinancialStatement statement, FinancialRatios ratios,
			Map<String, String> ratioAssessments, Map<QualitativeItem, Rating> ratings, int qualitativePoints,
			BigDecimal expectedMonthlyPurchases, int paymentTermDays, BigDecimal requestedLimit, Integer creditScore,
			String creditGrade, BigDecimal suggestedLimit, String decisionVersions, String bankInquiryReasons,
			String bankInquirySummary, BigDecimal proposedLimit, Integer proposedTermMonths, String proposalReason,
			String outcomeNote, String enteredBy, Instant enteredAt, String processInstanceId, String exceptionCodes,
			String exceptionSummary, String exceptionJustification) {

		static CreditFileView of(CreditFile f) {
			return new CreditFileView(f.getId(), f.getCustomerId(), f.getKind(), f.getStatus(), f.getStatementPeriod(),
					f.isStatementsAudited(), f.getStatement(), f.getRatios(),
					f.getRatios().quickRatio() == null ? Map.of() : CreditFileSummary.assessments(f.getRatios()),
					new LinkedHashMap<>(f.getRatings()), f.getQualitativePoints(), f.getExpectedMonthlyPurchases(),
					f.getPaymentTermDays(), f.getRequestedLimit(), f.getCreditScore(), f.getCreditGrade(),
					f.getSuggestedLimit(), f.getDecisionVersions(), f.getBankInquiryReasons(),
					CreditFileSummary.bankInquirySummary(f), f.getProposedLimit(), f.getProposedTermMonths(),
					f.getProposalReason(), f.getOutcomeNote(), f.getEnteredBy(), f.getEnteredAt(),
					f.getProcessInstanceId(), f.getExceptionCodes(), f.getExceptionSummary(),
					f.getExceptionJustification());
		}

	}

}
