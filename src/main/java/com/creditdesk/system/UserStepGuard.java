package com.creditdesk.system;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractProcessInstanceModificationCommand;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The trust boundary between people and processes, enforced inside the engine whatever the client (Tasklist,
 * {@code engine-rest}, the webapps' API, Java with an authenticated user):
 * <ul>
 * <li>a person's start or task completion ({@code start}, {@code submit-form}, {@code complete}, {@code resolve})
 * and their writes to a task's variables carry only the fields that the step's deployed form lets them edit, as
 * plain values (text, numbers, yes/no, dates); anything else is refused with 400 naming the variable, and nothing
 * is changed. A process without a start form is started by CreditDesk only;</li>
 * <li>a task someone has claimed is claimed and completed only by them (409 with who holds it);</li>
 * <li>a task routed to groups is completed only by a member of one of them (403): watching tasks, which credit
 * administrators and administrators may, is not deciding them;</li>
 * <li>writing a running instance's variables, moving its tokens, starting it at an inner activity, and
 * correlating messages or signals with variables are for Camunda administrators only (repairs).</li>
 * </ul>
 * Only the command the person issued is checked: what the process's own delegates, listeners, timers and
 * messages do on its behalf (nested commands, or commands without an authenticated user) is not limited.
 * <p>
 * Longer than 300 lines on purpose: it holds every check of the trust boundary (who may start, claim, complete or
 * write what) in one place, so that the boundary is reviewed as a whole.
 */
public class UserStepGuard extends CommandInterceptor {

	private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

	private final FormContracts contracts;

	UserStepGuard(FormContracts contracts) {
		this.contracts = contracts;
	}

	@Override
	public <T> T execute(Command<T> command) {
		int[] depth = DEPTH.get();
		boolean byPerson = false;
		if (depth[0] == 0) {
			CommandContext context = Context.getCommandContext();
			Authentication user = context == null ? null : context.getAuthentication();
			if (user != null && user.getUserId() != null) {
				check(context, user, command);
				byPerson = true;
			}
		}
		depth[0]++;
		try {
			if (byPerson) {
				return TransientFields.duringStep(() -> next.execute(command));
			}
			return next.execute(command);
		}
		catch (FormFieldValidationException e) {
			// a start refused by the process (e.g. a bad credit code): engine-rest answers /submit-form with 400, but
			// wraps the same refusal through /start in a 500; a person gets 400 with the reason either way
			if (byPerson && command instanceof StartProcessInstanceCmd) {
				Object detail = e.getDetail();
				throw StepRefusedException.badRequest(e.getMessage(), detail instanceof Map<?, ?> fields
						? fields.keySet().stream().map(String::valueOf).toList() : List.of());
			}
			throw e;
		}
		finally {
			depth[0]--;
		}
	}

	private void check(CommandContext context, Authentication user, Command<?> command) {
		if (command instanceof SubmitStartFormCmd) {
			Map<String, Object> variables = Fields.read(SubmitStartFormCmd.class, "variables", command);
			FormContracts.FormContract contract = checkStart(context,
					Fields.read(SubmitStartFormCmd.class, "processDefinitionId", command), variables);
			Fields.write(SubmitStartFormCmd.class, "variables", command,
					TransientFields.typed(contract, variables, null));
		}
		else if (command instanceof StartProcessInstanceCmd) {
			ProcessInstantiationBuilderImpl builder = Fields.read(StartProcessInstanceCmd.class,
					"instantiationBuilder", command);
			FormContracts.FormContract contract = checkStart(context, definitionId(context, builder),
					builder.getVariables());
			builder.setVariables(TransientFields.typed(contract, builder.getVariables(), null));
		}
		else if (command instanceof StartProcessInstanceAtActivitiesCmd
				|| command instanceof ModifyProcessInstanceCmd
				|| command instanceof AbstractProcessInstanceModificationCommand
				|| command instanceof AbstractRestartProcessInstanceCmd) {
			requireAdministrator(context, user, Messages.text("step.whatInnerActivity"));
		}
		else if (command instanceof CompleteTaskCmd) { // also ResolveTaskCmd
			String taskId = Fields.read(CompleteTaskCmd.class, "taskId", command);
			Map<String, Object> variables = Fields.read(CompleteTaskCmd.class, "variables", command);
			TaskEntity task = checkTask(context, user, taskId, names(variables), variables, true);
			if (task != null) {
				Fields.write(CompleteTaskCmd.class, "variables", command, typed(context, task, variables));
			}
		}
		else if (command instanceof SubmitTaskFormCmd) {
			String taskId = Fields.read(SubmitTaskFormCmd.class, "taskId", command);
			Map<String, Object> variables = Fields.read(SubmitTaskFormCmd.class, "properties", command);
			TaskEntity task = checkTask(context, user, taskId, names(variables), variables, true);
			if (task != null) {
				Fields.write(SubmitTaskFormCmd.class, "properties", command, typed(context, task, variables));
			}
		}
		else if (command instanceof ClaimTaskCmd) {
			checkClaim(context, user, Fields.read(ClaimTaskCmd.class, "taskId", command),
					Fields.read(ClaimTaskCmd.class, "userId", command));
		}
		else if (command instanceof SetTaskVariablesCmd) {
			Map<String, Object> variables = Fields.read(AbstractSetVariableCmd.class, "variables", command);
			checkTask(context, user, Fields.read(AbstractVariableCmd.class, "entityId", command), names(variables),
					variables, false);
		}
		else if (command instanceof PatchTaskVariablesCmd) {
			Map<String, Object> variables = Fields.read(AbstractPatchVariablesCmd.class, "variables", command);
			List<String> names = new ArrayList<>(names(variables));
			names.addAll(names(Fields.read(AbstractPatchVariablesCmd.class, "deletions", command)));
			checkTask(context, user, Fields.read(AbstractPatchVariablesCmd.class, "entityId", command), names,
					variables, false);
		}
		else if (command instanceof RemoveTaskVariablesCmd) {
			checkTask(context, user, Fields.read(AbstractVariableCmd.class, "entityId", command),
					names(Fields.read(AbstractRemoveVariableCmd.class, "variableNames", command)), Map.of(), false);
		}
		else if (command instanceof AbstractSetVariableCmd || command instanceof AbstractRemoveVariableCmd
				|| command instanceof AbstractPatchVariablesCmd) {
			requireAdministrator(context, user, Messages.text("step.whatChangeVariables"));
		}
		else if (carriesVariables(command)) {
			requireAdministrator(context, user, Messages.text("step.whatSendWithVariables"));
		}
	}

	/**
	 * The completion's variables, transient where the task's form says (see {@link TransientFields}); unchanged for a
	 * task without a form (which takes no variables from a person).
	 */
	private Map<String, Object> typed(CommandContext context, TaskEntity task, Map<String, Object> variables) {
		if (task.getProcessDefinitionId() == null) {
			return variables;
		}
		return contracts.ofActivity(context, task.getProcessDefinitionId(), task.getTaskDefinitionKey())
			.<Map<String, Object>>map(contract -> TransientFields.completion(contract, variables, task))
			.orElse(variables);
	}

	private FormContracts.FormContract checkStart(CommandContext context, String processDefinitionId,
			Map<String, Object> variables) {
		ProcessDefinitionEntity definition = context.getProcessEngineConfiguration()
			.getDeploymentCache()
			.findDeployedProcessDefinitionById(processDefinitionId);
		FormContracts.FormContract contract = contracts.ofStart(context, definition)
			.orElseThrow(() -> new AuthorizationException(Messages.text("step.startedBySystem", name(definition))));
		checkVariables(contract, names(variables), variables, Messages.text("step.startForm", contract.formId()));
		return contract;
	}

	/** The task, checked; null if there is no such task (the engine answers that). */
	private TaskEntity checkTask(CommandContext context, Authentication user, String taskId, Collection<String> names,
			Map<String, Object> variables, boolean completing) {
		TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
		if (task == null) {
			return null; // the engine answers "no such task"
		}
		if (completing) {
			if (task.getAssignee() != null && !task.getAssignee().equals(user.getUserId())) {
				throw StepRefusedException.conflict(Messages.text("step.claimedByOther", task.getName(),
						person(context, task.getAssignee())));
			}
			Set<String> candidateGroups = candidateGroups(task);
			if (!candidateGroups.isEmpty() && groups(context, user).stream().noneMatch(candidateGroups::contains)) {
				throw new AuthorizationException(Messages.text("step.mayNotDecide", person(context, user.getUserId()),
						task.getName(), groupNames(context, candidateGroups)));
			}
		}
		if (names.isEmpty() && (variables == null || variables.isEmpty())) {
			return task;
		}
		FormContracts.FormContract contract = task.getProcessDefinitionId() == null ? null
				: contracts.ofActivity(context, task.getProcessDefinitionId(), task.getTaskDefinitionKey()).orElse(null);
		if (contract == null) {
			throw StepRefusedException.badRequest(Messages.text("step.noForm", task.getName()), List.copyOf(names));
		}
		checkVariables(contract, names, variables, Messages.text("step.taskForm", task.getName()));
		return task;
	}

	private static void checkVariables(FormContracts.FormContract contract, Collection<String> names,
			Map<String, Object> variables, String step) {
		Set<String> undeclared = contract.undeclared(names);
		if (!undeclared.isEmpty()) {
			throw StepRefusedException.badRequest(Messages.text("step.undeclaredFields", step, String.join(", ", undeclared)),
					List.copyOf(undeclared));
		}
		if (variables == null) {
			return;
		}
		List<String> notPlain = new ArrayList<>();
		Map<String, Object> typed = Variables.fromMap(variables);
		for (String name : variables.keySet()) {
			TypedValue value = ((org.camunda.bpm.engine.variable.VariableMap) typed).getValueTyped(name);
			if (value != null && value.getType() != null && !value.getType().isPrimitiveValueType()) {
				notPlain.add(name);
			}
		}
		if (!notPlain.isEmpty()) {
			throw StepRefusedException.badRequest(Messages.text("step.plainValuesOnly", step,
					String.join(", ", new TreeSet<>(notPlain))), notPlain);
		}
	}

	private static void checkClaim(CommandContext context, Authentication user, String taskId, String claimant) {
		TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
		if (task == null || claimant == null) {
			return;
		}
		if (task.getAssignee() != null && !task.getAssignee().equals(claimant)) {
			throw StepRefusedException.conflict(Messages.text("step.alreadyClaimed", task.getName(),
					person(context, task.getAssignee())));
		}
		Set<String> candidateGroups = candidateGroups(task);
		if (claimant.equals(user.getUserId()) && !candidateGroups.isEmpty()
				&& groups(context, user).stream().noneMatch(candidateGroups::contains)) {
			throw new AuthorizationException(Messages.text("step.mayNotTake", person(context, claimant), task.getName(),
					groupNames(context, candidateGroups)));
		}
	}

	private static void requireAdministrator(CommandContext context, Authentication user, String what) {
		if (!groups(context, user).contains(Groups.CAMUNDA_ADMIN)) {
			throw new AuthorizationException(Messages.text("step.administratorsOnly", what, user.getUserId()));
		}
	}

	private static boolean carriesVariables(Command<?> command) {
		if (command instanceof AbstractCorrelateMessageCmd) {
			org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl builder = Fields
				.read(AbstractCorrelateMessageCmd.class, "builder", command);
			return notEmpty(builder.getPayloadProcessInstanceVariables())
					|| notEmpty(builder.getPayloadProcessInstanceVariablesLocal())
					|| notEmpty(builder.getPayloadProcessInstanceVariablesToTriggeredScope());
		}
		if (command instanceof SignalEventReceivedCmd) {
			org.camunda.bpm.engine.impl.SignalEventReceivedBuilderImpl builder = Fields
				.read(SignalEventReceivedCmd.class, "builder", command);
			return notEmpty(builder.getVariables());
		}
		if (command instanceof MessageEventReceivedCmd) {
			return notEmpty(Fields.read(MessageEventReceivedCmd.class, "processVariables", command))
					|| notEmpty(Fields.read(MessageEventReceivedCmd.class, "processVariablesLocal", command))
					|| notEmpty(Fields.read(MessageEventReceivedCmd.class, "processVariablesToTriggeredScope", command));
		}
		if (command instanceof SignalCmd) {
			return notEmpty(Fields.read(SignalCmd.class, "processVariables", command));
		}
		if (command instanceof EvaluateStartConditionCmd) {
			org.camunda.bpm.engine.impl.ConditionEvaluationBuilderImpl builder = Fields
				.read(EvaluateStartConditionCmd.class, "builder", command);
			return notEmpty(builder.getVariables());
		}
		return false;
	}

	private static String definitionId(CommandContext context, ProcessInstantiationBuilderImpl builder) {
		if (builder.getProcessDefinitionId() != null) {
			return builder.getProcessDefinitionId();
		}
		ProcessDefinitionEntity definition = builder.isProcessDefinitionTenantIdSet()
				? context.getProcessEngineConfiguration()
					.getDeploymentCache()
					.findDeployedLatestProcessDefinitionByKeyAndTenantId(builder.getProcessDefinitionKey(),
							builder.getProcessDefinitionTenantId())
				: context.getProcessEngineConfiguration()
					.getDeploymentCache()
					.findDeployedLatestProcessDefinitionByKey(builder.getProcessDefinitionKey());
		return definition.getId();
	}

	static Set<String> candidateGroups(TaskEntity task) {
		Set<String> groups = new TreeSet<>();
		for (IdentityLinkEntity link : task.getIdentityLinks()) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
				groups.add(link.getGroupId());
			}
		}
		return groups;
	}

	/** The person's groups as authenticated; looked up only if the client did not say. */
	static List<String> groups(CommandContext context, Authentication user) {
		return user.getGroupIds() != null ? user.getGroupIds() : groupsOf(context, user.getUserId());
	}

	/** A user's groups as the identity service knows them now (not as a client claims them). */
	public static List<String> groupsOf(CommandContext context, String userId) {
		return context.runWithoutAuthorization(() -> context.getProcessEngineConfiguration()
			.getIdentityService()
			.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.toList());
	}

	/** "Clara Sun (clara)", or the id if the user is unknown. */
	static String person(CommandContext context, String userId) {
		User user = context.getReadOnlyIdentityProvider().findUserById(userId);
		if (user == null || (user.getFirstName() == null && user.getLastName() == null)) {
			return userId;
		}
		String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
				+ (user.getLastName() == null ? "" : user.getLastName())).trim();
		return name + " (" + userId + ")";
	}

	private static String groupNames(CommandContext context, Collection<String> groupIds) {
		return groupIds.stream().map(id -> {
			Group group = context.getReadOnlyIdentityProvider().findGroupById(id);
			return group == null || group.getName() == null ? id : group.getName();
		}).reduce((first, next) -> Messages.text("system.listOr", first, next)).orElse("");
	}

	private static String name(ProcessDefinitionEntity definition) {
		return definition.getName() == null ? definition.getKey() : definition.getName();
	}

	private static Collection<String> names(Object variables) {
		if (variables instanceof Map<?, ?> map) {
			return map.keySet().stream().map(String::valueOf).toList();
		}
		if (variables instanceof Collection<?> collection) {
			return collection.stream().map(String::valueOf).toList();
		}
		return List.of();
	}

	private static boolean notEmpty(Map<?, ?> map) {
		return map != null && !map.isEmpty();
	}

}
