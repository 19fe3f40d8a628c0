package com.creditdesk.system;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
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
 * Checks, inside the engine and before the command runs, who may claim, be assigned or complete a task, and write
 * its variables (a person kept from deciding may not pre-fill the answer either), whatever the client (Tasklist,
 * {@code engine-rest}, Java). A refusal is an {@link AuthorizationException}, which Tasklist
 * and {@code engine-rest} show as 403 with the reason (a task listener's exception would arrive wrapped, as 500).
 */
public abstract class TaskCommandGuard extends CommandInterceptor {

	/** Adds the guard to the engine's post-command interceptors (call from a plugin's {@code preInit}). */
	public static void register(ProcessEngineConfigurationImpl configuration, TaskCommandGuard guard) {
		List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
				? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
		interceptors.add(guard);
		configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
	}

	/**
	 * Throws {@link AuthorizationException} if {@code userId} may not take or complete {@code task}.
	 * @param task the task (any kind: check its definition key first)
	 */
	protected abstract void check(TaskEntity task, String userId);

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
			else if (command instanceof SetTaskVariablesCmd || command instanceof RemoveTaskVariablesCmd) {
				// who may not take or complete the task may not fill in its answer for the one who does either
				check(context, read(AbstractVariableCmd.class, "entityId", command), context.getAuthenticatedUserId());
			}
			else if (command instanceof PatchTaskVariablesCmd) {
				check(context, read(AbstractPatchVariablesCmd.class, "entityId", command),
						context.getAuthenticatedUserId());
			}
		}
		return next.execute(command);
	}

	private void check(CommandContext context, String taskId, String userId) {
		if (taskId == null || userId == null) {
			return;
		}
		TaskEntity task = context.getTaskManager().findTaskById(taskId);
		if (task != null) {
			check(task, userId);
		}
	}

	private static String read(Class<?> type, String name, Object command) {
		Object value = Fields.read(type, name, command);
		return value == null ? null : value.toString();
	}

}
