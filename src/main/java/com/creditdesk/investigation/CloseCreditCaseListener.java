package com.creditdesk.investigation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import com.creditdesk.customer.CustomerService;
import com.creditdesk.system.SharedProcessStep;

/**
 * When a credit case ends (normally or cancelled in Cockpit) the customer may get a new one.
 */
@SharedProcessStep
@Component
class CloseCreditCaseListener implements ExecutionListener {

	private final CustomerService customers;

	CloseCreditCaseListener(CustomerService customers) {
		this.customers = customers;
	}

	@Override
	public void notify(DelegateExecution execution) {
		Object customerId = execution.getVariable(CreditInvestigationProcess.CUSTOMER_ID);
		if (customerId instanceof Number id) {
			customers.closeCase(id.longValue(), execution.getProcessInstanceId());
		}
	}

}
