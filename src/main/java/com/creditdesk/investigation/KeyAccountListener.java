package com.creditdesk.investigation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import com.creditdesk.customer.CustomerService;

/**
 * Before a policy decision that treats key accounts differently (review interval, approval authority, collection
 * stage), sets {@code keyAccount} from the customer's record: this morning's 80/20 class, never what a form sent.
 */
@Component
public class KeyAccountListener implements ExecutionListener {

	public static final String KEY_ACCOUNT = "keyAccount";

	private final CustomerService customers;

	KeyAccountListener(CustomerService customers) {
		this.customers = customers;
	}

	@Override
	public void notify(DelegateExecution execution) {
		Object customerId = execution.getVariable(CreditInvestigationProcess.CUSTOMER_ID);
		boolean keyAccount = customerId instanceof Number id
				&& customers.findById(id.longValue()).map(c -> c.isKeyAccount()).orElse(false);
		execution.setVariable(KEY_ACCOUNT, keyAccount);
	}

}
