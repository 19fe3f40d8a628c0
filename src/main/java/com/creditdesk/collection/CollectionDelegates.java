package com.creditdesk.collection;

import static com.creditdesk.collection.OverdueCollectionProcess.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.creditdesk.customer.Customer;
import com.creditdesk.customer.CustomerService;
import com.creditdesk.system.BusinessClock;
import com.creditdesk.system.Messages;
import com.creditdesk.system.Money;
import com.creditdesk.system.SystemActions;
import com.creditdesk.system.UserInput;

/**
 * The service tasks of {@code overdue-collection}, each a thin bean named after its task: read the variables,
 * call {@link CollectionService}, write back the few values the flow and the forms need.
 */
@Configuration
class CollectionDelegates {

	/** Task_OpenCollectionCase. */
	@Bean
	JavaDelegate openCollectionCaseDelegate(CollectionService collections, CustomerService customers) {
		return execution -> {
			long customerId = customerId(execution);
			CollectionCase opened = collections.open(customerId, execution.getProcessInstanceId());
			Customer customer = customers.get(customerId);
			execution.setVariable(CASE_ID, opened.getId());
			execution.setVariable(CUSTOMER_NAME, customer.getName());
			// what people search by in Cockpit (Add criteria → Variable creditCode = …)
			execution.setVariable(OverdueCollectionProcess.CREDIT_CODE, customer.getCreditCode());
			// the business key people search by in Cockpit: the unified social credit code
			execution.setProcessBusinessKey(customer.getCreditCode());
			execution.setVariable(RESPONSIBLE_REP, customer.getResponsibleRep());
		};
	}

	/** Task_AssessOverdueReceivables. */
	@Bean
	JavaDelegate assessOverdueDelegate(CollectionService collections) {
		return execution -> {
			CollectionService.Assessment assessment = collections.assess(caseId(execution), BusinessClock.today());
			execution.setVariable(OVERDUE, assessment.overdue());
			execution.setVariable(DAYS_PAST_DUE, assessment.daysPastDue());
			execution.setVariable(CUSTOMER_VANISHED, assessment.vanished());
			execution.setVariable(PLAN_BROKEN, assessment.paymentPlanBroken());
			execution.setVariable(ESCALATION_PAUSED,
					assessment.paused() && !assessment.vanished() && !assessment.paymentPlanBroken());
			execution.setVariable(OVERDUE_AMOUNT_TEXT, Money.format(assessment.overdueAmount()));
			execution.setVariable(OVERDUE_ITEMS_TEXT, assessment.items()
				.stream()
				.map(item -> item.invoiceNumber() + ": " + Money.format(item.openAmount()) + " open, due " + item.dueDate()
						+ " (" + item.daysOverdue() + " days overdue)")
				.collect(Collectors.joining("\n")));
		};
	}

	/** Task_ApplyCollectionStage. */
	@Bean
	JavaDelegate applyCollectionStageDelegate(CollectionService collections, CollectionQueries queries,
			WriteOffService writeOffs, CollectionStages stages) {
		return execution -> {
			long caseId = caseId(execution);
			String policy = text(execution, DMN_STAGE);
			boolean stageTasksOpen = execution.getProcessEngineServices().getRepositoryService()
				.getBpmnModelInstance(execution.getProcessDefinitionId())
				.getModelElementById(STAGE_TASKS_SUBPROCESS) != null;
			CollectionService.StageOutcome outcome = collections.applyStage(caseId, policy,
					flag(execution, "escalationPaused"), stageTasksOpen, BusinessClock.today());
			execution.setVariable(STAGE, outcome.stage());
			execution.setVariable(STAGE_TEXT, stages.name(outcome.stage()));
			execution.setVariable(OPEN_REMINDER, outcome.reminder());
			execution.setVariable(OPEN_LETTER, outcome.letter());
			execution.setVariable(OPEN_MANAGEMENT_CONTACT, outcome.managementContact());
			execution.setVariable(OPEN_DECISION, outcome.regionalDecision());
			execution.setVariable(OPEN_WRITE_OFF, outcome.writeOffApproval());
			// the stage tasks of the stages reached now (UserTask_WorkStageTask, one per stage code)
			execution.setVariable(STAGE_TASKS, String.join(",", outcome.stageTasks()));
			execution.setVariable(OPEN_STAGE_TASKS, !outcome.stageTasks().isEmpty());
			if (outcome.letterId() != null) {
				execution.setVariable(LETTER_URL, "/api/collections/" + caseId + "/documents/" + outcome.letterId() + "/pdf");
				execution.setVariable(LETTER_HTML_URL, "/api/collections/" + caseId + "/documents/" + outcome.letterId());
			}
			if (outcome.writeOffApproval()) {
				proposeWriteOff(execution, collections, writeOffs, caseId);
			}
			if (outcome.regionalDecision()) {
				execution.setVariable(CASE_HISTORY_TEXT, queries.historyOf(caseId)
					.stream()
					.map(event -> event.getRecordedAt().toString().substring(0, 10) + " " + event.getDetail())
					.collect(Collectors.joining("\n")));
			}
			execution.setVariable(NEXT_CHECK_AT, CollectionService.startOfNextDay(
					java.time.LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), java.time.ZoneId.systemDefault())));
		};
	}

	private static void proposeWriteOff(DelegateExecution execution, CollectionService collections,
			WriteOffService writeOffs, long caseId) {
		CollectionCase collectionCase = collections.get(caseId);
		execution.setVariable(WRITE_OFF_PROPOSED_BY, collectionCase.getWriteOffProposedBy());
		execution.setVariable(WRITE_OFF_REASON, collectionCase.getVanishedReportedBy() != null
				? "The customer was reported vanished by " + collectionCase.getVanishedReportedBy() + "."
				: collectionCase.getWriteOffProposedBy() != null && !CollectionService.SYSTEM.equals(collectionCase.getWriteOffProposedBy())
						? "Proposed by the regional manager " + collectionCase.getWriteOffProposedBy() + "."
						: "Overdue " + collectionCase.getDaysPastDue() + " days (policy: write-off proposal from day 90, or a missed instalment).");
		execution.setVariable(WRITE_OFF_SPLIT_TEXT, writeOffs.previewWriteOff(caseId, BusinessClock.today()));
	}

	/** Task_SettleCollectionCase. */
	@Bean
	JavaDelegate settleCollectionCaseDelegate(CollectionService collections) {
		return execution -> collections.settle(caseId(execution));
	}

	/** Task_RecordReminderOutcome and Task_RecordManagementContact. */
	@Bean
	JavaDelegate recordCustomerContactDelegate(CollectionRecords records) {
		return execution -> {
			String user = actor(execution, text(execution, RESPONSIBLE_REP));
			boolean promise = flag(execution, PROMISE_TO_PAY);
			LocalDate promisedDate = promise ? date(execution, PROMISED_DATE) : null;
			BigDecimal promisedAmount = promise ? amount(execution, PROMISED_AMOUNT) : null;
			UserInput.check(() -> {
				records.recordContact(caseId(execution), user, text(execution, CONTACT_OUTCOME),
						text(execution, CONTACT_NOTES), promise, promisedDate, promisedAmount,
						flag(execution, CUSTOMER_UNREACHABLE), BusinessClock.today());
				return null;
			});
			// the next task's form starts empty
			execution.removeVariable(PROMISE_TO_PAY);
			execution.removeVariable(CUSTOMER_UNREACHABLE);
			execution.removeVariable(CONTACT_NOTES);
		};
	}

	/** Task_RecordStageTask: what the person did at a stage task, on the case's history. */
	@Bean
	JavaDelegate recordStageTaskDelegate(CollectionRecords records) {
		return execution -> {
			String notes = text(execution, STAGE_TASK_NOTES);
			UserInput.check(() -> {
				records.recordStageTask(caseId(execution), text(execution, STAGE_TASK),
						actor(execution, text(execution, RESPONSIBLE_REP)), notes);
				return null;
			});
			execution.removeVariable(STAGE_TASK_NOTES); // the next stage task's form starts empty
		};
	}

	/** Task_RecordLetterSent. */
	@Bean
	JavaDelegate recordLetterSentDelegate(CollectionRecords records, LetterMail letters) {
		return execution -> {
			long caseId = caseId(execution);
			String user = actor(execution, text(execution, RESPONSIBLE_REP));
			String via = text(execution, LETTER_SENT_VIA);
			String mailed = "e-mail".equals(via) ? letters.send(caseId, user, text(execution, LETTER_MAIL_TO)) : null;
			records.recordLetterSent(caseId, user, via, mailed);
		};
	}

	/** Task_RecordCollectionDecision. */
	@Bean
	JavaDelegate recordCollectionDecisionDelegate(CollectionService collections, CollectionRecords records,
			WriteOffService writeOffs, WriteOffApprovals approvals) {
		return execution -> {
			long caseId = caseId(execution);
			String choice = text(execution, COLLECTION_ACTION);
			CollectionCase.Action action;
			try {
				action = choice == null ? null : CollectionCase.Action.valueOf(choice);
			}
			catch (IllegalArgumentException e) {
				String message = Messages.text("collection.unknownAction", choice);
				throw UserInput.rejection(message, java.util.Map.of(COLLECTION_ACTION, message));
			}
			String user = actor(execution, null);
			Integer count = action == CollectionCase.Action.PAYMENT_PLAN ? integer(execution, PLAN_INSTALMENTS) : null;
			LocalDate first = action == CollectionCase.Action.PAYMENT_PLAN ? date(execution, PLAN_FIRST_DUE_DATE) : null;
			UserInput.check(() -> {
				records.recordDecision(caseId, user, action, count, first, text(execution, DECISION_NOTES),
						BusinessClock.today());
				return null;
			});
			if (action == CollectionCase.Action.PROPOSE_WRITE_OFF) {
				proposeWriteOff(execution, collections, writeOffs, caseId); // an approval already open shows this proposal
			}
			else if (approvals.awaiting(execution)) {
				writeOffs.withdrawWriteOffProposal(caseId, user, action);
				var services = execution.getProcessEngineServices();
				SystemActions.asSystem(services.getIdentityService(), () -> services.getRuntimeService()
					.createMessageCorrelation(OverdueCollectionProcess.MESSAGE_WRITE_OFF_WITHDRAWN)
					.processInstanceId(execution.getProcessInstanceId())
					.correlate());
			}
		};
	}

	/** Task_RecordWriteOffDecision. */
	@Bean
	JavaDelegate recordWriteOffDecisionDelegate(WriteOffService writeOffs) {
		return execution -> {
			boolean approve = "APPROVE".equals(text(execution, WRITE_OFF_DECISION));
			String approver = text(execution, WriteOffTaskListener.DECIDED_BY);
			UserInput.check(() -> {
				writeOffs.recordWriteOffDecision(caseId(execution), approver, approve, text(execution, WRITE_OFF_COMMENT));
				return null;
			});
			execution.setVariable(WRITE_OFF_APPROVED, approve);
			execution.removeVariable(WRITE_OFF_DECISION);
			execution.removeVariable(WRITE_OFF_COMMENT);
		};
	}

	/** Task_WriteOffReceivables. */
	@Bean
	JavaDelegate writeOffReceivablesDelegate(WriteOffService writeOffs, CollectionQueries queries) {
		return execution -> {
			long caseId = caseId(execution);
			WriteOff writeOff = writeOffs.writeOff(caseId, text(execution, WriteOffTaskListener.DECIDED_BY),
					BusinessClock.today());
			execution.setVariable(WRITE_OFF_SPLIT_TEXT, queries.historyOf(caseId)
				.stream()
				.filter(event -> "WRITTEN_OFF".equals(event.getKind()))
				.map(CollectionEvent::getDetail)
				.reduce((first, second) -> second)
				.orElse(Money.format(writeOff.getTotalAmount())));
		};
	}

	/** Task_RecordDisputeResolution. */
	@Bean
	JavaDelegate recordDisputeResolutionDelegate(DisputeService disputes) {
		return execution -> {
			Object disputeId = execution.getVariable(DISPUTE_ID);
			String resolution = text(execution, DISPUTE_RESOLUTION);
			UserInput.check(() -> {
				disputes.resolveDispute(((Number) disputeId).longValue(), actor(execution, null),
						"UPHELD".equals(resolution), text(execution, DISPUTE_NOTES));
				return null;
			});
		};
	}

}
