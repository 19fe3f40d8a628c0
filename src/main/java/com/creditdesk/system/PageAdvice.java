package com.creditdesk.system;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The shared layout's model for every {@link HtmlPage} controller (the person logged in, by name, and their roles),
 * and its errors as the HTML error page in the same layout: a browser never gets a JSON body. Runs before
 * {@link ApiExceptionHandler}, which keeps answering API clients with problem details.
 */
@ControllerAdvice(annotations = HtmlPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageAdvice {

	private static final Logger log = LoggerFactory.getLogger(PageAdvice.class);

	private final Labels labels;

	PageAdvice(Labels labels) {
		this.labels = labels;
	}

	/** The person logged in: {@code name}, {@code roles} (by name) for the header's user menu. */
	@ModelAttribute("me")
	Me me() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null) {
			return new Me("", "", List.of());
		}
		List<String> roles = auth.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(role -> !role.equals(labels.name(role)))
			.map(labels::name)
			.toList();
		return new Me(auth.getName(), labels.person(auth.getName()), roles);
	}

	record Me(String id, String name, List<String> roles) {
	}

	/**
	 * The webapps' CSRF token of the browser's session, for pages that change something through the API (sent back
	 * as {@code X-XSRF-TOKEN}); empty without a session.
	 */
	@ModelAttribute("csrfToken")
	String csrfToken(jakarta.servlet.http.HttpServletRequest request) {
		jakarta.servlet.http.HttpSession session = request.getSession(false);
		Object token = session == null ? null : session.getAttribute(RestSecurityConfiguration.CSRF_TOKEN_SESSION_ATTRIBUTE);
		return token instanceof String text ? text : "";
	}

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound(NotFoundException e) {
		return page(HttpStatus.NOT_FOUND, "找不到 Not found", e.getMessage(), null);
	}

	@ExceptionHandler({ ForbiddenException.class, AuthorizationException.class })
	ModelAndView forbidden(RuntimeException e) {
		return page(HttpStatus.FORBIDDEN, "无权查看 Not allowed",
				"您的角色不能查看此页。 Your role does not allow this page.", null);
	}

	@ExceptionHandler({ InvalidRequestException.class, MethodArgumentTypeMismatchException.class,
			MissingServletRequestParameterException.class })
	ModelAndView invalid(Exception e) {
		String detail = e instanceof MethodArgumentTypeMismatchException mismatch
				? "地址中的 " + mismatch.getName() + " 无效。 The address's " + mismatch.getName() + " is not valid."
				: e.getMessage();
		return page(HttpStatus.BAD_REQUEST, "请求无效 Invalid request", detail, null);
	}

	@ExceptionHandler(Exception.class)
	ModelAndView unexpected(Exception e) {
		String errorId = UUID.randomUUID().toString().substring(0, 8);
		log.error("Page failed (error id {})", errorId, e);
		return page(HttpStatus.INTERNAL_SERVER_ERROR, "出错了 Something went wrong",
				"页面未能显示，请稍后再试或将错误编号告知管理员。 The page could not be shown; try again later or give the "
						+ "administrator the error id.",
				errorId);
	}

	private static ModelAndView page(HttpStatus status, String title, String detail, String errorId) {
		ModelAndView view = new ModelAndView("error", status);
		view.addObject("status", status.value());
		view.addObject("title", title);
		view.addObject("detail", detail);
		view.addObject("errorId", errorId);
		return view;
	}

	/**
	 * An address nobody serves: a browser gets the 404 page in the layout, an API client the problem detail Spring
	 * writes for it. (It has no controller, so the annotation-scoped advice above never sees it.)
	 */
	@ControllerAdvice
	@Order(Ordered.HIGHEST_PRECEDENCE)
	static class MissingPage {

		@ExceptionHandler(org.springframework.web.servlet.resource.NoResourceFoundException.class)
		Object missing(org.springframework.web.servlet.resource.NoResourceFoundException e,
				jakarta.servlet.http.HttpServletRequest request) {
			if (RestSecurityConfiguration.browserPage(request)) {
				return page(HttpStatus.NOT_FOUND, "找不到页面 Page not found",
						"这个地址没有页面。 There is no page at this address.", null);
			}
			return org.springframework.http.ResponseEntity.status(e.getStatusCode()).body(e.getBody());
		}

	}

}
