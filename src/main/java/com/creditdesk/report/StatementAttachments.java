package com.creditdesk.report;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import com.creditdesk.identity.CurrentUser;
import com.creditdesk.identity.Roles;
import com.creditdesk.notification.MailAttachmentSource;
import com.creditdesk.system.BusinessClock;

/**
 * The statement's PDF for a mail that sends it ({@code statement:<customer>:<from>:<to>}), printed when the mail
 * leaves, from the ledger as it stands for that period. Who may send it was checked when the mail was asked for;
 * the sending job reads as CreditDesk itself.
 */
@Component
class StatementAttachments implements MailAttachmentSource {

	static final String KIND = "statement";

	private static final CurrentUser CREDITDESK = new CurrentUser("creditdesk", List.of(Roles.CREDIT_ADMINS));

	private final StatementService statements;

	StatementAttachments(StatementService statements) {
		this.statements = statements;
	}

	static String reference(long customerId, LocalDate from, LocalDate to) {
		return KIND + ":" + customerId + ":" + from + ":" + to;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public Attachment render(String reference) {
		String[] parts = reference.split(":");
		Statement statement = statements.statement(Long.parseLong(parts[0]), LocalDate.parse(parts[1]),
				LocalDate.parse(parts[2]), CREDITDESK);
		return new Attachment("statement-" + statement.creditCode() + "-" + statement.from() + "-" + statement.to()
				+ ".pdf", "application/pdf", StatementPdf.render(statement, BusinessClock.today()));
	}

}
