package com.creditdesk.approval;

import java.lang.reflect.Field;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Four eyes, checked inside the engine before a claim, an assignment or a completion of an approval task runs,
 * whatever the client: the requester never gets or completes the approval of their own request, and nobody decides
 * twice in one chain. Refusals are {@link AuthorizationException}s, which Tasklist and {@code engine-rest} show
 * as 403 with the reason. (The task listener checks again, as a second line.)
 */
class FourEyesCommandGuard extends CommandInterceptor {

	private final CreditDecisionService decisions;

	FourEyesCommandGuard(CreditDecisionService decisions) {
		this.decisions = decisions;
	}

	@Override
	public <T> T execute(Command<T> command) {
		CommandContext context = Context.getCommandContext();
		if (context != null) {
			if (command instanceof ClaimTaskCmd) {
				check(context, read(ClaimTaskCmd.class, "taskId", command), read(ClaimTaskCmd.class, "userId", command));
			}
			else if (command instanceof AssignTaskCmd) {
				check(context, read(AbstractSetTaskPropertyCmd.class, "taskId", command),
						read(AbstractAddIdentityLinkCmd.class, "userId", command));
			}
			else if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
				Class<?> type = command instanceof CompleteTaskCmd ? CompleteTaskCmd.class : SubmitTaskFormCmd.class;
				check(context, read(type, "taskId", command), context.getAuthenticatedUserId());
			}
		}
		return next.execute(command);
	}

	private void check(CommandContext context, String taskId, String userId) {
		if (taskId == null || userId == null) {
			return;
		}
		TaskEntity task = context.getTaskManager().findTaskById(taskId);
		if (task == null || !CreditGrantApprovalProcess.APPROVE_TASK.equals(task.getTaskDefinitionKey())) {
			return;
		}
		Object decisionId = task.getVariable(CreditGrantApprovalProcess.CREDIT_DECISION_ID);
		if (decisionId instanceof Number id) {
			try {
				decisions.checkMayDecide(id.longValue(), userId);
			}
			catch (FourEyesViolation e) {
				throw new AuthorizationException(e.getMessage());
			}
		}
	}

	private static String read(Class<?> type, String name, Object command) {
		try {
			Field field = type.getDeclaredField(name);
			field.setAccessible(true);
			Object value = field.get(command);
			return value == null ? null : value.toString();
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException("Camunda's " + type.getSimpleName() + " changed: no field " + name, e);
		}
	}

}
