package com.creditdesk.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call an API operation, as the OpenAPI document states it ({@code x-roles} and the operation's
 * description). The check itself stays in the code that enforces it (403 with the reason); this is its documentation,
 * next to the operation. An operation without it is open to every logged-in CreditDesk user, reps limited to their
 * own customers ({@link #EVERY_USER}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface ApiAccess {

	/** What an operation without {@code @ApiAccess} allows. */
	String EVERY_USER = "每位登录用户；销售代表仅限本人客户，经理与信用管理员可见全部。 Every logged-in user; reps only for "
			+ "their own customers, managers and credit administrators for all.";

	/** The groups that may call it (any of them). */
	String[] roles();

	/** What else limits it, e.g. four eyes. */
	String note() default "";

}
