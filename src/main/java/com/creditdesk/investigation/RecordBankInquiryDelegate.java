package com.creditdesk.investigation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.creditdesk.system.Messages;
import com.creditdesk.system.SystemActions;
import com.creditdesk.system.UserInput;

/** Records what the customer's bank said; incomplete answers keep the rep's task open with a message. */
@Component
class RecordBankInquiryDelegate implements JavaDelegate {

	static final Set<String> REPAYMENT_RECORDS = Set.of("GOOD", "MINOR_DELAYS", "SERIOUS_DELAYS", "DEFAULTED");

	private final CreditInvestigationService investigations;

	RecordBankInquiryDelegate(CreditInvestigationService investigations) {
		this.investigations = investigations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String bank = CreditInvestigationProcess.text(execution, CreditInvestigationProcess.BANK_NAME);
		BigDecimal facility = CreditInvestigationProcess.money(execution, CreditInvestigationProcess.BANK_FACILITY_AMOUNT);
		String record = CreditInvestigationProcess.text(execution, CreditInvestigationProcess.BANK_REPAYMENT_RECORD);
		String comment = CreditInvestigationProcess.text(execution, CreditInvestigationProcess.BANK_COMMENT);
		Map<String, String> problems = new LinkedHashMap<>();
		if (bank == null) {
			problems.put(CreditInvestigationProcess.BANK_NAME, Messages.text("investigation.bankNameMissing"));
		}
		if (facility == null || facility.signum() < 0) {
			problems.put(CreditInvestigationProcess.BANK_FACILITY_AMOUNT,
					Messages.text("investigation.bankFacilityMissing"));
		}
		if (record == null || !REPAYMENT_RECORDS.contains(record)) {
			problems.put(CreditInvestigationProcess.BANK_REPAYMENT_RECORD, Messages.text("investigation.bankRecordMissing"));
		}
		if (comment == null) {
			problems.put(CreditInvestigationProcess.BANK_COMMENT, Messages.text("investigation.bankCommentMissing"));
		}
		if (!problems.isEmpty()) {
			throw UserInput.rejection(problems);
		}
		CreditFile file = investigations.recordBankInquiry(CreditInvestigationProcess.creditFileId(execution), bank,
				facility, record, comment, assignee(execution));
		execution.setVariable(CreditInvestigationProcess.BANK_INQUIRY_SUMMARY, CreditFileSummary.bankInquirySummary(file));
	}

	private static String assignee(DelegateExecution execution) {
		return SystemActions.authenticatedUser(execution.getProcessEngineServices().getIdentityService())
			.orElseGet(() -> CreditInvestigationProcess.text(execution, CreditInvestigationProcess.REQUESTER));
	}

}
