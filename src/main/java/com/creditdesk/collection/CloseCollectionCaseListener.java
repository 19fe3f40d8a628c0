package com.creditdesk.collection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** A collection process that ends without settling or writing off (cancelled in Cockpit) closes its case. */
@Component
class CloseCollectionCaseListener implements ExecutionListener {

	private final CollectionService collections;

	CloseCollectionCaseListener(CollectionService collections) {
		this.collections = collections;
	}

	@Override
	public void notify(DelegateExecution execution) {
		collections.cancel(execution.getProcessInstanceId());
	}

}
