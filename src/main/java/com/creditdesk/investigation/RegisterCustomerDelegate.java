package com.creditdesk.investigation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.creditdesk.customer.Customer;
import com.creditdesk.customer.CustomerService;
import com.creditdesk.system.SystemActions;
import com.creditdesk.system.UserInput;

/**
 * Creates the prospect (or attaches to the existing customer with the same credit code) and opens the credit case.
 * A bad credit code, missing facts or an already open case refuse the start: nothing is created.
 */
@Component
class RegisterCustomerDelegate implements JavaDelegate {

	private final CustomerService customers;

	RegisterCustomerDelegate(CustomerService customers) {
		this.customers = customers;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// the rep is the person who started the investigation, as authenticated (the initiator variable only when the
		// system starts it)
		String rep = SystemActions.authenticatedUser(execution.getProcessEngineServices().getIdentityService())
			.orElseGet(() -> CreditInvestigationProcess.text(execution, CreditInvestigationProcess.REQUESTER));
		execution.setVariable(CreditInvestigationProcess.REQUESTER, rep);
		Customer customer = UserInput.check(() -> customers.openInvestigation(
				CreditInvestigationProcess.customerFacts(execution), rep, execution.getProcessInstanceId()));
		// the business key people search by in Cockpit: the unified social credit code
		execution.setProcessBusinessKey(customer.getCreditCode());
		execution.setVariable(CreditInvestigationProcess.CUSTOMER_ID, customer.getId());
		execution.setVariable(CreditInvestigationProcess.CREDIT_CODE, customer.getCreditCode());
	}

}
