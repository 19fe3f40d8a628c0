package com.creditdesk.system;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Tasklist's task cards show the customer, amount and grade of every credit task, and every task's name carries the
 * customer's name (an approval's listener names it with the amount too). Tasklist reads the card values from
 * variables the user may read: a rep or manager may read the variables of their own tasks, not of the whole process
 * instance (which would show them other reps' customers). So when any user task is created, the card values are
 * copied onto the task itself.
 */
@Component
class TaskCardPlugin extends AbstractProcessEnginePlugin {

	/** The variables the shared Tasklist filters show as columns (see IdentitySetup). */
	static final List<String> CARD_VARIABLES = List.of("customerName", "creditGrade");

	/** The amount a card shows, by what the task is about: the amount under review, proposed, requested, or overdue. */
	static final List<String> AMOUNT_VARIABLES = List.of("amountUnderReview", "proposedLimit", "requestedLimit",
			"overdueAmount");

	/** The amount a card shows (a task-local variable, formatted). */
	static final String AMOUNT_TEXT = "amountText";

	/** A collection case's overdue amount, already formatted. */
	static final String OVERDUE_AMOUNT_TEXT = "overdueAmountText";

	static final String CUSTOMER_NAME = "customerName";

	static final TaskListener COPY_CARD_VARIABLES = (DelegateTask task) -> {
		for (String name : CARD_VARIABLES) {
			Object value = task.getVariable(name);
			if (value != null) {
				task.setVariableLocal(name, value);
			}
		}
		for (String name : AMOUNT_VARIABLES) {
			Object value = task.getVariable(name);
			if (value instanceof Number || value instanceof String text && !text.isBlank()) {
				try {
					task.setVariableLocal(AMOUNT_TEXT, Money.format(Money.of(value)));
					break;
				}
				catch (RuntimeException notAnAmount) {
					// a value that is no amount is not shown; the next candidate may be
				}
			}
		}
		if (task.getVariableLocal(AMOUNT_TEXT) == null && task.getVariable(OVERDUE_AMOUNT_TEXT) != null) {
			task.setVariableLocal(AMOUNT_TEXT, task.getVariable(OVERDUE_AMOUNT_TEXT)); // a collection case's
		}
		// the task list names the company: "Remind customer to pay: 杭州东方五金贸易有限公司"
		Object customer = task.getVariable(CUSTOMER_NAME);
		if (customer != null && task.getName() != null && !task.getName().contains(customer.toString())) {
			task.setName(task.getName() + ": " + customer);
		}
	};

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		EveryUserTask.listen(configuration, TaskListener.EVENTNAME_CREATE, COPY_CARD_VARIABLES, false);
	}

}
