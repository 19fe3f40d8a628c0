package com.creditdesk.system;

import org.springframework.boot.autoconfigure.orm.jpa.EntityManagerFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * Hibernate builds its metamodel on a thread of its own while the main thread goes on to start the process engine
 * (FEEL and the engine's own set-up take seconds that need no JPA); the first use of the entity manager factory, a
 * deferred repository or a transaction, waits for it. Spring Boot does this itself only with an
 * {@code applicationTaskExecutor}, which it does not create beside Camunda's job executor pool.
 */
@Configuration(proxyBeanMethods = false)
class JpaBootstrapConfiguration {

	@Bean
	EntityManagerFactoryBuilderCustomizer backgroundJpaBootstrap() {
		return builder -> {
			SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("jpa-bootstrap-");
			executor.setDaemon(true);
			builder.setBootstrapExecutor(executor);
		};
	}

}
