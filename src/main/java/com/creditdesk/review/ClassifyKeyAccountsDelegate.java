package com.creditdesk.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.creditdesk.receivable.KeyAccounts;
import com.creditdesk.system.BusinessClock;

/**
 * The daily-credit-reviews process's first task: the 80/20 classification (重点客户) as of today, before the due
 * reviews start, so that a key account's review interval and approval chain follow this morning's class.
 */
@Component
class ClassifyKeyAccountsDelegate implements JavaDelegate {

	/** The daily run's summary in process {@code daily-credit-reviews}: customers per 80/20 class. */
	static final String KEY_ACCOUNTS_BY_CLASS = "keyAccountsByClass";

	private final KeyAccounts keyAccounts;

	ClassifyKeyAccountsDelegate(KeyAccounts keyAccounts) {
		this.keyAccounts = keyAccounts;
	}

	@Override
	public void execute(DelegateExecution execution) {
		KeyAccounts.Result result = keyAccounts.classify(BusinessClock.today());
		execution.setVariable(KEY_ACCOUNTS_BY_CLASS, result.customersByClass().toString());
	}

}
