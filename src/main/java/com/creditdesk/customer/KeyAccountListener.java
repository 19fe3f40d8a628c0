package com.creditdesk.customer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import com.creditdesk.system.ProcessVariable;
import com.creditdesk.system.SharedProcessStep;
import com.creditdesk.system.StepValue;


/**
 * Before a policy decision that treats key accounts differently (review interval, approval authority, collection
 * stage), sets {@code keyAccount} from the customer's record: this morning's 80/20 class, never what a form sent.
 * Used by the investigation's, the approval's, the re-evaluation's and the collection's processes. The decision reads
 * it in the same transaction ({@link StepValue}); its history records the value it took.
 */
@SharedProcessStep
@Component
public class KeyAccountListener implements ExecutionListener {

	public static final String KEY_ACCOUNT = "keyAccount";

	/** Every process that decides about a customer carries its id under this name. */
	private static final ProcessVariable<Long> CUSTOMER_ID = ProcessVariable.id("customerId");

	private final CustomerService customers;

	KeyAccountListener(CustomerService customers) {
		this.customers = customers;
	}

	@Override
	public void notify(DelegateExecution execution) {
		Long customerId = CUSTOMER_ID.get(execution);
		boolean keyAccount = customerId != null
				&& customers.findById(customerId).map(Customer::isKeyAccount).orElse(false);
		StepValue.set(execution, KEY_ACCOUNT, keyAccount);
	}

}
