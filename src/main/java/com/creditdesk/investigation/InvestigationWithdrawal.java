package com.creditdesk.investigation;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.creditdesk.customer.Customer;
import com.creditdesk.customer.CustomerService;
import com.creditdesk.identity.CurrentUser;
import com.creditdesk.system.ConflictException;
import com.creditdesk.system.Inputs;
import com.creditdesk.system.Messages;
import com.creditdesk.system.SystemActions;

/**
 * A rep (or a manager who sees the customer) withdraws an open credit investigation with a reason: its process
 * instance ends, its credit file is closed as withdrawn with the reason, and a customer that was only a prospect is
 * marked withdrawn, so that its credit code is free for any rep. Once the application is with the approvers it is
 * theirs to decide (409).
 */
@Service
public class InvestigationWithdrawal {

	private final CustomerService customers;

	private final CreditFileRepository files;

	private final RuntimeService runtime;

	private final IdentityService identity;

	InvestigationWithdrawal(CustomerService customers, CreditFileRepository files, RuntimeService runtime,
			IdentityService identity) {
		this.customers = customers;
		this.files = files;
		this.runtime = runtime;
		this.identity = identity;
	}

	public record Withdrawn(long customerId, String customerStatus, String processInstanceId, Long creditFileId) {
	}

	@Transactional
	public Withdrawn withdraw(long customerId, String reason, CurrentUser user) {
		Customer customer = customers.visibleTo(customerId, user);
		String why = Inputs.requiredText("reason", Messages.text("label.reason"), reason, 450);
		if (why.length() < 5) {
			throw Inputs.invalid("reason", Messages.text("investigation.withdrawalReasonTooShort"));
		}
		String processInstanceId = customer.getOpenCaseProcessId();
		ProcessInstance investigation = processInstanceId == null ? null
				: SystemActions.asSystem(identity, () -> runtime.createProcessInstanceQuery()
					.processInstanceId(processInstanceId)
					.processDefinitionKey(CreditInvestigationProcess.KEY)
					.singleResult());
		if (investigation == null) {
			throw new ConflictException(Messages.text("investigation.nothingToWithdraw", customer.getName()));
		}
		long approvals = SystemActions.asSystem(identity,
				() -> runtime.createProcessInstanceQuery().superProcessInstanceId(processInstanceId).count());
		if (approvals > 0) {
			throw new ConflictException(Messages.text("investigation.withApprovers", customer.getName()));
		}
		String note = "Withdrawn by " + user.id() + ": " + why;
		CreditFile file = files.findByCustomerIdOrderByEnteredAtDesc(customerId)
			.stream()
			.filter(f -> processInstanceId.equals(f.getProcessInstanceId()))
			.findFirst()
			.orElse(null);
		if (file != null) {
			file.close(CreditFileStatus.WITHDRAWN, note);
		}
		// its end listener closes the customer's credit case
		SystemActions.asSystem(identity, () -> runtime.deleteProcessInstance(processInstanceId, note));
		customers.withdrawProspect(customerId, "Credit investigation withdrawn by " + user.id() + ": " + why);
		return new Withdrawn(customerId, customers.get(customerId).getStatus().name(), processInstanceId,
				file == null ? null : file.getId());
	}

}
