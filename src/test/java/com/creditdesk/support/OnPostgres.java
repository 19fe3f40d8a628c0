package com.creditdesk.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ActiveProfiles;

/** Runs an integration test class on real PostgreSQL (embedded binaries, see {@link EmbeddedPostgresConfiguration}). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ActiveProfiles({ "demo", "test", "pgtest" })
public @interface OnPostgres {

}
