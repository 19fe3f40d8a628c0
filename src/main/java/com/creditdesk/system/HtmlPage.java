package com.creditdesk.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of CreditDesk's browser pages: its views get the shared layout's model (who is logged in, with
 * which roles) and its errors an HTML error page in the same layout instead of a problem-detail JSON body.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface HtmlPage {

}
