package com.creditdesk.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.creditdesk.customer.Customer;
import com.creditdesk.customer.CustomerService;
import com.creditdesk.identity.CurrentUser;
import com.creditdesk.system.HtmlPage;
import com.creditdesk.system.Labels;
import com.creditdesk.system.SystemActions;

/**
 * 在办业务 (requests in progress): every credit investigation, re-evaluation and approval still open for the
 * customers the user may see, with the step it waits at, who it waits for and since when. A rep sees where her
 * applications are (she cannot open the approvers' tasks in Tasklist), a manager the whole pipeline. Below, the
 * policy exceptions per rep and per approver.
 */
@Controller
@HtmlPage
class RequestsPageController {

	/** The processes of a credit request, by key, with their names as people say them. */
	static final Map<String, String> PROCESSES = Map.of("credit-investigation", "信用调查 Investigation",
			"credit-reevaluation", "信用复核 Re-evaluation", "temporary-limit-increase", "临时额度 Temporary increase",
			"credit-grant-approval", "授信审批 Approval");

	private final CustomerService customers;

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final IdentityService identity;

	private final Labels labels;

	private final PolicyExceptionReport exceptions;

	RequestsPageController(CustomerService customers, TaskService tasks, RuntimeService runtime,
			IdentityService identity, Labels labels, PolicyExceptionReport exceptions) {
		this.exceptions = exceptions;
		this.customers = customers;
		this.tasks = tasks;
		this.runtime = runtime;
		this.identity = identity;
		this.labels = labels;
	}

	/** One open step: the customer, the process, the step, who it waits for, since when, due when. */
	record OpenStep(Customer customer, String process, String step, String waitingFor, Instant since, Instant due,
			boolean overdue) {
	}

	@GetMapping(path = "/requests", produces = "text/html")
	String page(Model model) {
		Map<String, Customer> visible = customers.visibleCustomers(CurrentUser.get())
			.stream()
			.collect(Collectors.toMap(Customer::getCreditCode, Function.identity()));
		Instant now = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant();
		// the engine would show a rep only her own tasks; CreditDesk has already limited the customers she sees
		List<OpenStep> steps = SystemActions.asSystem(identity, () -> {
			List<Task> open = tasks.createTaskQuery()
				.processDefinitionKeyIn(PROCESSES.keySet().toArray(String[]::new))
				.active()
				.orderByTaskCreateTime()
				.asc()
				.listPage(0, 2000);
			if (open.isEmpty()) {
				return List.<OpenStep> of();
			}
			// the customer's credit code is the business key (the approval inherits its case's)
			Map<String, String> customerOf = runtime.createProcessInstanceQuery()
				.processInstanceIds(open.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()))
				.list()
				.stream()
				.filter(instance -> instance.getBusinessKey() != null)
				.collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
			return open.stream()
				.filter(task -> visible.containsKey(customerOf.get(task.getProcessInstanceId())))
				.map(task -> new OpenStep(visible.get(customerOf.get(task.getProcessInstanceId())),
						PROCESSES.get(processKey(task)), stepName(task), waitingFor(task), task.getCreateTime().toInstant(),
						task.getDueDate() == null ? null : task.getDueDate().toInstant(),
						task.getDueDate() != null && task.getDueDate().toInstant().isBefore(now)))
				.toList();
		});
		model.addAttribute("steps", steps);
		model.addAttribute("exceptions", exceptions.report(CurrentUser.get()));
		return "requests";
	}

	private String processKey(Task task) {
		return task.getProcessDefinitionId().substring(0, task.getProcessDefinitionId().indexOf(':'));
	}

	/** "授信审批 Approve credit grant: 杭州… , …" → the part before the colon: the step, not the card text. */
	private static String stepName(Task task) {
		String name = task.getName() == null ? "" : task.getName();
		int colon = name.indexOf(':');
		return colon < 0 ? name : name.substring(0, colon);
	}

	private String waitingFor(Task task) {
		if (task.getAssignee() != null) {
			return labels.person(task.getAssignee());
		}
		return tasks.getIdentityLinksForTask(task.getId())
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.map(link -> link.getGroupId() != null ? labels.name(link.getGroupId()) : labels.person(link.getUserId()))
			.collect(Collectors.joining("、"));
	}

}
