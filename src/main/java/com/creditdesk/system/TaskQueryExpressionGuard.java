package com.creditdesk.system;

import java.lang.reflect.Field;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;

/**
 * Compensating control for Camunda 7.24.0 CE: the engine validates expressions only on the top level of a task
 * query, so an expression placed in an {@code orQueries} branch (REST {@code POST /task}, a stored filter, or
 * Tasklist's extending query) is evaluated even with expressions in ad-hoc and stored queries disabled. This
 * interceptor refuses every task query, filter save and filter execution that carries an expression anywhere,
 * before anything is evaluated.
 */
class TaskQueryExpressionGuard extends CommandInterceptor {

	private static final Field FILTER_ID = field("filterId");

	private static final Field EXTENDING_QUERY = field("extendingQuery");

	@Override
	public <T> T execute(Command<T> command) {
		if (command instanceof TaskQueryImpl query) {
			ensureNoExpressions(query);
		}
		else if (command instanceof SaveFilterCmd save) {
			ensureNoExpressions(saveFilter(save));
		}
		else if (command instanceof AbstractExecuteFilterCmd execute) {
			ensureNoExpressions(read(EXTENDING_QUERY, execute));
			Object filterId = read(FILTER_ID, execute);
			CommandContext context = Context.getCommandContext();
			if (filterId != null && context != null) {
				FilterEntity stored = context.getDbEntityManager().selectById(FilterEntity.class, filterId.toString());
				if (stored != null) {
					ensureNoExpressions(stored.getQuery());
				}
			}
		}
		return next.execute(command);
	}

	static void ensureNoExpressions(Object query) {
		ensureNoExpressions(query, Collections.newSetFromMap(new IdentityHashMap<>()));
	}

	private static void ensureNoExpressions(Object query, Set<Object> seen) {
		if (!(query instanceof AbstractQuery<?, ?> abstractQuery) || !seen.add(query)) {
			return;
		}
		Map<String, String> expressions = abstractQuery.getExpressions();
		if (expressions != null && !expressions.isEmpty()) {
			Map.Entry<String, String> first = expressions.entrySet().iterator().next();
			throw new BadUserRequestException(Messages.text("system.queryExpression", first.getKey(), first.getValue()));
		}
		if (query instanceof TaskQueryImpl taskQuery && taskQuery.getQueries() != null) {
			for (TaskQueryImpl orQuery : taskQuery.getQueries()) {
				ensureNoExpressions(orQuery, seen);
			}
		}
	}

	private static Object saveFilter(SaveFilterCmd save) {
		try {
			Field filter = SaveFilterCmd.class.getDeclaredField("filter");
			filter.setAccessible(true);
			Object value = filter.get(save);
			return value instanceof Filter f ? f.getQuery() : null;
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException("cannot inspect the filter being saved", e);
		}
	}

	private static Field field(String name) {
		try {
			Field field = AbstractExecuteFilterCmd.class.getDeclaredField(name);
			field.setAccessible(true);
			return field;
		}
		catch (NoSuchFieldException e) {
			throw new IllegalStateException("Camunda's AbstractExecuteFilterCmd changed: no field " + name, e);
		}
	}

	private static Object read(Field field, Object target) {
		try {
			return field.get(target);
		}
		catch (IllegalAccessException e) {
			throw new IllegalStateException("cannot inspect " + field.getName(), e);
		}
	}

}
