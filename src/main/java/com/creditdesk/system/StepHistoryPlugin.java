package com.creditdesk.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractProcessInstanceModificationCommand;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity;
import org.springframework.stereotype.Component;

/**
 * History stays {@code full} (activities, tasks, who did what in the operation log, incidents, jobs, every decision
 * evaluation with its inputs and outputs, and each variable with its last value but for the engine's own counters,
 * below), without two kinds of
 * {@code ACT_HI_DETAIL} row that no screen reads and CreditDesk's own tables record better:
 * <ul>
 * <li>the value of every variable a process step writes, one row per write ("variable update" details). The values
 * that matter are CreditDesk's records, with who and when: the customer, the credit file, the decision and each
 * approval step, the collection case and its history; each variable's last value stays in
 * {@code ACT_HI_VARINST}. A variable an administrator changes by hand (a repair in Cockpit or over REST: setting or
 * removing variables, moving tokens, restarting) keeps its detail rows: that change is in no other record;</li>
 * <li>the "form field" detail of every text submitted through a form, which repeats the variable update.</li>
 * </ul>
 * The measured reason: these rows were a fifth of the rows a credit investigation writes ({@code bench/run workflow}
 * counts the rows of each step by table).
 * <p>
 * Nor does history keep the engine's own counters of a multi-instance activity ({@code nrOfInstances},
 * {@code nrOfActiveInstances}, {@code nrOfCompletedInstances}, {@code loopCounter}: how far an approval chain has
 * got, how many collection stage tasks are still open). What each level or task was for is its element variable,
 * which history keeps, and what came of it is in the approval steps and the collection case. Each counter cost a
 * history row when set, and a select and an update whenever it moved. A change an administrator makes by hand is
 * kept.
 * <p>
 * Nor does it keep a variable of {@link #RECORDED_ELSEWHERE} that lived within one command only: a decision's
 * result a step records in CreditDesk's tables and removes in the same transaction ({@code gradeResult},
 * {@code suggestedLimitResult}, {@code bankInquiryReasonList}, {@code approvalChain}, {@code reviewPolicy}), or an
 * approver's form fields the completing step records with the approval step ({@code approvalDecision},
 * {@code approvalComment}). Its row would say only that it was set and removed at once; the decision's inputs and
 * outputs are in the decision history ({@code ACT_HI_DEC_IN}, {@code ACT_HI_DEC_OUT}) and the values in
 * CreditDesk's records. Each cost a history row, and for a list or map a serialized copy in
 * {@code ACT_GE_BYTEARRAY}. The list is named, not inferred: a variable removed at once whose value no record of
 * ours keeps (a manager's "send back" of a review, a collector's contact outcome) keeps its history row, and so
 * does a variable an administrator sets and removes by hand.
 * <p>
 * Nor does it keep the texts a user task holds only to show them ({@link #TASK_DISPLAY_COPIES}, task-local): the
 * task card's copies of the customer, grade and amount (TaskCardPlugin; the case's own variables keep them), an
 * approval level's name, authority and note (the decision record keeps the chain and each step), a collection stage
 * task's instructions (the stage policy). Each cost a history row when the task was created and a select and an
 * update when it ended. A task variable an administrator sets by hand keeps its row.
 */
@Component
class StepHistoryPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setEnableDefaultDbHistoryEventHandler(false);
		List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomHistoryEventHandlers());
		handlers.add(0, new StepHistoryHandler());
		configuration.setCustomHistoryEventHandlers(handlers);
	}

	/** The variables the engine sets on a multi-instance activity and its instances to count them. */
	static final Set<String> MULTI_INSTANCE_COUNTERS = Set.of("nrOfInstances", "nrOfActiveInstances",
			"nrOfCompletedInstances", "loopCounter");

	/**
	 * The variables whose value a step records in CreditDesk's tables (or the decision history) and removes in the
	 * command that set it: history need not keep that they were set and removed at once.
	 */
	static final Set<String> RECORDED_ELSEWHERE = Set.of("gradeResult", "suggestedLimitResult",
			"bankInquiryReasonList", "approvalChain", "reviewPolicy", "approvalDecision", "approvalComment");

	/**
	 * The task-local variables that only show a task's context, copied from the case or derived from a record: not
	 * history of their own.
	 */
	static final Set<String> TASK_DISPLAY_COPIES = Set.of("customerName", "creditGrade", "amountText",
			"approvalLevelName", "authorityLimitText", "approvalNote", "stageTaskText");

	static final class StepHistoryHandler extends DbHistoryEventHandler {

		@Override
		public void handleEvent(HistoryEvent event) {
			if (event instanceof HistoricFormPropertyEventEntity) {
				return;
			}
			if (event instanceof HistoricVariableUpdateEventEntity variable
					&& MULTI_INSTANCE_COUNTERS.contains(variable.getVariableName()) && !byAdministratorsHand()) {
				return;
			}
			if (event instanceof HistoricVariableUpdateEventEntity variable && variable.getTaskId() != null
					&& TASK_DISPLAY_COPIES.contains(variable.getVariableName()) && !byAdministratorsHand()) {
				return;
			}
			if (event instanceof HistoricVariableUpdateEventEntity variable
					&& variable.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_DELETE) && forgotten(variable)) {
				return;
			}
			super.handleEvent(event);
		}

		/**
		 * Drops the history row of a variable of {@link #RECORDED_ELSEWHERE} removed in the command that created it
		 * (still to be inserted, with its serialized value if any): neither is written. Not for an administrator's
		 * repair.
		 */
		private static boolean forgotten(HistoricVariableUpdateEventEntity removal) {
			if (!RECORDED_ELSEWHERE.contains(removal.getVariableName())) {
				return false;
			}
			DbEntityManager db = Context.getCommandContext().getDbEntityManager();
			HistoricVariableInstanceEntity created = db.getCachedEntity(HistoricVariableInstanceEntity.class,
					removal.getVariableInstanceId());
			if (created == null || !db.getDbEntityCache().isTransient(created) || byAdministratorsHand()) {
				return false;
			}
			created.delete(); // the row and its byte array: neither is inserted
			return true;
		}

		@Override
		protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
			return super.shouldWriteHistoricDetail(event) && byAdministratorsHand();
		}

		private static boolean byAdministratorsHand() {
			CommandInvocationContext invocation = Context.getCommandInvocationContext();
			Object command = invocation == null ? null : invocation.getCommand();
			return command instanceof AbstractSetVariableCmd || command instanceof AbstractPatchVariablesCmd
					|| command instanceof AbstractRemoveVariableCmd || command instanceof ModifyProcessInstanceCmd
					|| command instanceof AbstractProcessInstanceModificationCommand
					|| command instanceof StartProcessInstanceAtActivitiesCmd
					|| command instanceof AbstractRestartProcessInstanceCmd;
		}

	}

}
