package com.creditdesk.investigation;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.creditdesk.approval.CreditApplication;
import com.creditdesk.approval.CreditApplications;
import com.creditdesk.scoring.ScoreExplanation;

/** The approval reads the application it decides from the credit file the rep submitted it on. */
@Component
class CreditApplicationSource implements CreditApplications {

	private final CreditFileRepository files;

	private final ScoreExplanation explanation;

	CreditApplicationSource(CreditFileRepository files, ScoreExplanation explanation) {
		this.files = files;
		this.explanation = explanation;
	}

	@Override
	@Transactional(readOnly = true)
	public CreditApplication application(long creditFileId) {
		CreditFile file = file(creditFileId);
		if (file.getProposedLimit() == null) {
			throw new IllegalStateException("credit file " + creditFileId + " carries no submitted application");
		}
		// files submitted before proposed_by was recorded (V8): the rep who entered the file submitted it
		String requester = file.getProposedBy() != null ? file.getProposedBy() : file.getEnteredBy();
		CreditFileSummary summary = CreditFileSummary.of(file);
		return new CreditApplication(file.getId(), file.getCustomerId(), file.getProcessInstanceId(),
				file.getProposedLimit(), requester, file.getExceptionCodes(), file.getExceptionSummary(),
				file.getExceptionJustification(), file.getCreditScore(), file.getCreditGrade(), file.getSuggestedLimit(),
				file.getProposalReason(), summary.bankInquirySummary(), file.getPaymentTermDays(),
				file.getExpectedMonthlyPurchases(), summary.ratioAssessments(), summary.ratioLights());
	}

	@Override
	@Transactional(readOnly = true)
	public String scoreExplanation(long creditFileId) {
		CreditFile file = file(creditFileId);
		if (file.getCreditScore() == null || file.getRatios().quickRatio() == null) {
			return null;
		}
		// as the rep's form showed it when the file was scored; worked out again for a file that did not keep it
		return file.getScoreExplanation() != null ? file.getScoreExplanation() : explanation.explain(file).text();
	}

	private CreditFile file(long creditFileId) {
		return files.findById(creditFileId)
			.orElseThrow(() -> new IllegalStateException("credit file " + creditFileId + " does not exist"));
	}

}
