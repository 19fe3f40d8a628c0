package com.creditdesk.system;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The durable follow-ups: a {@link FollowUp} published inside a transaction starts a {@code follow-up} process
 * instance in that transaction (the engine shares it), whose asynchronous service task delivers it to its
 * {@link FollowUpHandler} once the change has committed. The request that caused it never opens a second
 * connection or transaction, a crash before commit loses both the change and its follow-up, a crash after commit
 * leaves the job for the next node to run.
 */
@Component("deliverFollowUpDelegate")
public class FollowUps implements JavaDelegate {

	public static final String PROCESS_KEY = "follow-up";

	static final String TYPE = "followUpType";

	static final String PAYLOAD = "followUp";

	private final RuntimeService runtime;

	private final IdentityService identity;

	private final ObjectMapper json;

	private final Map<String, FollowUpHandler<?>> handlers = new HashMap<>();

	FollowUps(RuntimeService runtime, IdentityService identity, ObjectMapper json, List<FollowUpHandler<?>> handlers) {
		this.runtime = runtime;
		this.identity = identity;
		this.json = json;
		for (FollowUpHandler<?> handler : handlers) {
			if (this.handlers.put(handler.type().getSimpleName(), handler) != null) {
				throw new IllegalStateException("Two handlers for " + handler.type().getSimpleName());
			}
		}
	}

	/** Records the follow-up in the current transaction (the publisher's); it is delivered after commit. */
	@EventListener
	public void record(FollowUp followUp) {
		String type = followUp.getClass().getSimpleName();
		if (!handlers.containsKey(type)) {
			throw new IllegalStateException("No handler delivers " + type);
		}
		if (!relevant(handlers.get(type), followUp)) {
			return;
		}
		String payload;
		try {
			payload = json.writeValueAsString(followUp);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("Cannot record " + type + ": " + e.getMessage(), e);
		}
		// a system action: the person whose change caused it needs no rights on the follow-up process
		SystemActions.asSystem(identity,
				() -> runtime.startProcessInstanceByKey(PROCESS_KEY, followUp.subject(), Map.of(TYPE, type, PAYLOAD, payload)));
	}

	@SuppressWarnings("unchecked")
	private static <T extends FollowUp> boolean relevant(FollowUpHandler<T> handler, FollowUp followUp) {
		return handler.relevant((T) followUp);
	}

	/** The follow-up process's service task: delivers the recorded follow-up to its handler. */
	@Override
	public void execute(DelegateExecution execution) throws Exception {
		String type = (String) execution.getVariable(TYPE);
		FollowUpHandler<?> handler = handlers.get(type);
		if (handler == null) {
			throw new IllegalStateException("No handler delivers the follow-up type '" + type + "'");
		}
		deliver(handler, (String) execution.getVariable(PAYLOAD));
	}

	private <T extends FollowUp> void deliver(FollowUpHandler<T> handler, String payload) throws Exception {
		T followUp = json.readValue(payload, handler.type());
		SystemActions.asSystem(identity, () -> handler.deliver(followUp));
	}

}
