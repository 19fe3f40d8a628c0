package com.creditdesk.investigation;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.creditdesk.scoring.FinancialRatioCalculator;
import com.creditdesk.scoring.FinancialRatios;
import com.creditdesk.system.InvalidRequestException;
import com.creditdesk.system.Messages;

/** Keeps the credit files: creates them, records each step of an investigation, reads them back. */
@Service
public class CreditInvestigationService {

	private final CreditFileRepository files;

	CreditInvestigationService(CreditFileRepository files) {
		this.files = files;
	}

	/**
	 * Records validated figures with their ratios: on a new file when {@code fileId} is null, otherwise on the
	 * investigation's file (after a correction).
	 */
	@Transactional
	public CreditFile recordFigures(Long fileId, long customerId, String processInstanceId, CreditFileKind kind,
			InvestigationInput input, String enteredBy) {
		if (!input.problems().isEmpty()) {
			throw new InvalidRequestException(String.join(" ", input.problems().values()), input.problems());
		}
		FinancialRatios ratios = FinancialRatioCalculator.compute(input.statement());
		CreditFile file = fileId == null ? new CreditFile(customerId, processInstanceId, kind, enteredBy) : get(fileId);
		file.recordFigures(input, ratios);
		return files.saveAndFlush(file);
	}

	/**
	 * Opens the file of a temporary increase on the customer's latest scored file.
	 * @throws InvalidRequestException when the customer has never been scored
	 */
	@Transactional
	public CreditFile openTemporaryIncrease(long customerId, String processInstanceId, String requestedBy) {
		CreditFile basis = files.findByCustomerIdOrderByEnteredAtDesc(customerId)
			.stream()
			.filter(file -> file.getCreditScore() != null && file.getSuggestedLimit() != null)
			.findFirst()
			.orElseThrow(() -> {
				String message = Messages.text("temporaryLimit.noScoredFile");
				return new InvalidRequestException(message, java.util.Map.of("creditCode", message));
			});
		return files.saveAndFlush(CreditFile.basedOn(basis, processInstanceId, CreditFileKind.TEMPORARY_INCREASE,
				requestedBy));
	}

	@Transactional
	public CreditFile recordGrade(long fileId, int score, String grade, String decisionVersion) {
		CreditFile file = get(fileId);
		file.recordGrade(score, grade, decisionVersion);
		return file;
	}

	@Transactional
	public CreditFile recordSuggestion(long fileId, BigDecimal suggestedLimit, List<String> bankInquiryReasons,
			String decisionVersions, ReviewPolicy reviewPolicy) {
		CreditFile file = get(fileId);
		file.recordSuggestion(suggestedLimit, bankInquiryReasons.isEmpty() ? null : String.join("; ", bankInquiryReasons),
				decisionVersions, reviewPolicy);
		return file;
	}

	/** Keeps the text of the score explanation the rep's form shows, for the approvers' view. */
	@Transactional
	public void keepScoreExplanation(long fileId, String text) {
		get(fileId).keepScoreExplanation(text);
	}

	@Transactional
	public CreditFile recordBankInquiry(long fileId, String bankName, BigDecimal facility, String repaymentRecord,
			String comment, String inquiredBy) {
		CreditFile file = get(fileId);
		file.recordBankInquiry(bankName, facility, repaymentRecord, comment, inquiredBy);
		return file;
	}

	@Transactional
	public CreditFile submitApplication(long fileId, BigDecimal proposedLimit, int termMonths, String reason,
			String proposedBy, PolicyExceptions exceptions, String justification) {
		CreditFile file = get(fileId);
		file.submitApplication(proposedLimit, termMonths, reason, proposedBy, exceptions, justification);
		return file;
	}

	@Transactional
	public CreditFile close(long fileId, CreditFileStatus outcome, String note) {
		CreditFile file = get(fileId);
		file.close(outcome, note);
		return file;
	}

	@Transactional
	public CreditFile recordReviewPolicy(long fileId, ReviewPolicy policy) {
		CreditFile file = get(fileId);
		file.recordReviewPolicy(policy);
		return file;
	}

	@Transactional(readOnly = true)
	public CreditFile get(long fileId) {
		return files.findById(fileId)
			.orElseThrow(() -> new InvalidRequestException(Messages.text("investigation.fileNotFound",
					String.valueOf(fileId))));
	}

	@Transactional(readOnly = true)
	public List<CreditFile> filesOf(long customerId) {
		return files.findByCustomerIdOrderByEnteredAtDesc(customerId);
	}

	/** The customer's most recent credit file that has figures, if any: the starting point of a re-evaluation. */
	@Transactional(readOnly = true)
	public java.util.Optional<CreditFile> latestFile(long customerId) {
		return files.findByCustomerIdOrderByEnteredAtDesc(customerId).stream().findFirst();
	}

	/** What approvers and the application form show about a file. */
	@Transactional(readOnly = true)
	public CreditFileSummary summary(long fileId) {
		return CreditFileSummary.of(get(fileId));
	}

}
