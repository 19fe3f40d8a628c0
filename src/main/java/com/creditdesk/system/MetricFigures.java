package com.creditdesk.system;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Business figures for metric gauges, read from the database when a scrape asks for them and then kept for
 * {@code creditdesk.metrics.refresh} (30 s by default): one scrape costs one query per source however many gauges
 * read it, and nothing is read while nobody scrapes. The figures are the cluster's (read from the one database), so
 * every node reports the same value; a dashboard takes {@code max} over the nodes, not the sum.
 */
@Component
public class MetricFigures {

	private final Duration refresh;

	private final IdentityService identity;

	MetricFigures(@Value("${creditdesk.metrics.refresh:PT30S}") Duration refresh, IdentityService identity) {
		this.refresh = refresh;
		this.identity = identity;
	}

	/** Figures by key (e.g. a stage's code) from {@code reader}; a key the reader does not return counts 0. */
	public <K> Source<K> source(String name, Supplier<Map<K, ? extends Number>> reader) {
		return new Source<>(name, refresh.toNanos(), () -> asTheSystem(reader));
	}

	/**
	 * Reads the portfolio's figures, not what the scraping user may see: the engine's authorization checks would
	 * count only the tasks of the operations group (none).
	 */
	private <K> Map<K, ? extends Number> asTheSystem(Supplier<Map<K, ? extends Number>> reader) {
		Authentication scraper = identity.getCurrentAuthentication();
		identity.clearAuthentication();
		try {
			return reader.get();
		}
		finally {
			if (scraper != null) {
				identity.setAuthentication(scraper);
			}
		}
	}

	/** One query's figures, shared by the gauges that read them. */
	public static final class Source<K> {

		private static final Logger log = LoggerFactory.getLogger(MetricFigures.class);

		private final String name;

		private final long refreshNanos;

		private final Supplier<Map<K, ? extends Number>> reader;

		private Map<K, ? extends Number> figures;

		private long readAt;

		private boolean read;

		private Source(String name, long refreshNanos, Supplier<Map<K, ? extends Number>> reader) {
			this.name = name;
			this.refreshNanos = refreshNanos;
			this.reader = reader;
		}

		/** The key's figure, NaN while the figures cannot be read (e.g. the database is down). */
		public double value(K key) {
			Map<K, ? extends Number> current = current();
			if (current == null) {
				return Double.NaN;
			}
			Number figure = current.get(key);
			return figure == null ? 0 : figure.doubleValue();
		}

		private synchronized Map<K, ? extends Number> current() {
			long now = System.nanoTime();
			if (!read || now - readAt >= refreshNanos) {
				try {
					figures = Map.copyOf(reader.get());
				}
				catch (RuntimeException e) {
					log.warn("Metric figures '{}' could not be read: {}", name,
							org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e).toString());
					figures = null;
				}
				readAt = now;
				read = true;
			}
			return figures;
		}

	}

}
