package com.creditdesk.system;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Turns failures of CreditDesk's own API into RFC 9457 problem details that say what is wrong and, where a field is
 * at fault, name it under {@code fields}. Never SQL, a Java class name or a stack trace: what is not the user's
 * fault is answered 500 with an error id that the log line carries (race losers and duplicate keys: 409).
 */
@RestControllerAdvice(basePackages = "com.creditdesk")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException e) {
		Throwable cause = e.getCause();
		for (Throwable t = cause; t != null; t = t.getCause()) {
			if (t instanceof JsonParseException parse) {
				return invalid(Messages.text("api.bodyNotJson", String.valueOf(parse.getLocation().getLineNr()),
						String.valueOf(parse.getLocation().getColumnNr())));
			}
		}
		if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			String field = mapping.getPath()
				.stream()
				.map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
				.collect(Collectors.joining(".")).replace(".[", "[");
			String expected = mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
					? expectation(mismatch.getTargetType()) : Messages.text("api.expectValidValue");
			return invalidFields(Map.of(field, Messages.text("api.fieldMustBe", field, expected)));
		}
		if (cause instanceof MismatchedInputException) {
			return invalid(Messages.text("api.bodyWrongShape"));
		}
		return invalid(Messages.text("api.bodyMissing"));
	}

	private static String expectation(Class<?> type) {
		if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
			return Messages.text("api.expectWholeNumber");
		}
		if (type == java.math.BigDecimal.class || type == Double.class || type == double.class) {
			return Messages.text("api.expectNumber");
		}
		if (type == java.time.LocalDate.class) {
			return Messages.text("api.expectDate");
		}
		if (type == String.class) {
			return Messages.text("api.expectText");
		}
		if (type == Boolean.class || type == boolean.class) {
			return Messages.text("api.expectBoolean");
		}
		if (type.isEnum()) {
			return Messages.text("api.expectOneOf", java.util.Arrays.toString(type.getEnumConstants()));
		}
		if (java.util.Collection.class.isAssignableFrom(type)) {
			return Messages.text("api.expectList");
		}
		return Messages.text("api.expectObject");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
		String field = e.getName();
		Class<?> type = e.getRequiredType();
		return invalidFields(Map.of(field, Messages.text("api.fieldMustBeNot", field,
				type == null ? Messages.text("api.expectValidValue") : expectation(type),
				abbreviate(String.valueOf(e.getValue())))));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ProblemDetail missing(MissingServletRequestParameterException e) {
		return invalidFields(Map.of(e.getParameterName(), Messages.text("input.required", e.getParameterName())));
	}

	@ExceptionHandler({ OptimisticLockingException.class, OptimisticLockingFailureException.class,
			PessimisticLockingFailureException.class })
	ProblemDetail raced(Exception e) {
		log.info("Concurrent change refused: {}", e.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, Messages.text("api.raced"));
		problem.setTitle(Messages.text("api.titleConflict"));
		return problem;
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ProblemDetail integrity(DataIntegrityViolationException e) {
		String id = errorId();
		log.warn("Refused by the database (error {}): {}", id, e.getMostSpecificCause().getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				Messages.text("api.integrityConflict", id));
		problem.setTitle(Messages.text("api.titleConflict"));
		problem.setProperty("errorId", id);
		return problem;
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception e) throws Exception {
		if (e instanceof ErrorResponse answer) {
			// Spring's own answers (404, 405, 406, 413, 415): their status and problem detail as they are
			return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).body(answer.getBody());
		}
		if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
			throw e; // Spring Security answers these (401, 403)
		}
		String id = errorId();
		log.error("Unexpected failure (error {})", id, e);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				Messages.text("api.unexpected", id));
		problem.setTitle(Messages.text("api.titleInternalError"));
		problem.setProperty("errorId", id);
		return ResponseEntity.internalServerError().body(problem);
	}

	private static String errorId() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	private static String abbreviate(String text) {
		return text.length() > 40 ? text.substring(0, 40) + "…" : text;
	}

	private static ProblemDetail invalid(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle(Messages.text("api.titleInvalidRequest"));
		return problem;
	}

	private static ProblemDetail invalidFields(Map<String, String> fields) {
		ProblemDetail problem = invalid(String.join(" ", fields.values()));
		problem.setProperty("fields", fields);
		return problem;
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalid(MethodArgumentNotValidException e) {
		Map<String, String> fields = e.getBindingResult()
			.getFieldErrors()
			.stream()
			.collect(Collectors.toMap(f -> f.getField(), ApiExceptionHandler::constraintText, (a, b) -> a));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				fields.entrySet().stream().map(f -> Messages.text("input.fieldProblem", f.getKey(), f.getValue())).sorted()
					.collect(Collectors.joining("; ")));
		problem.setTitle(Messages.text("api.titleInvalidRequest"));
		problem.setProperty("fields", fields);
		return problem;
	}

	/** What a bean-validation constraint says, in the request's language (the validator's own text otherwise). */
	private static String constraintText(org.springframework.validation.FieldError error) {
		if ("NotBlank".equals(error.getCode())) {
			return Messages.text("input.notBlank");
		}
		if ("Size".equals(error.getCode()) && error.contains(jakarta.validation.ConstraintViolation.class)) {
			Map<String, Object> attributes = error.unwrap(jakarta.validation.ConstraintViolation.class)
				.getConstraintDescriptor()
				.getAttributes();
			return Messages.text("input.size", String.valueOf(attributes.get("min")), String.valueOf(attributes.get("max")));
		}
		return String.valueOf(error.getDefaultMessage());
	}

	@ExceptionHandler(InvalidRequestException.class)
	ProblemDetail invalid(InvalidRequestException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
		problem.setTitle(Messages.text("api.titleInvalidRequest"));
		if (!e.fields().isEmpty()) {
			problem.setProperty("fields", e.fields());
		}
		if (!e.details().isEmpty()) {
			problem.setProperty("errors", e.details());
		}
		return problem;
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
		problem.setTitle(Messages.text("api.titleConflict"));
		return problem;
	}

	@ExceptionHandler(StepRefusedException.class)
	ProblemDetail refused(StepRefusedException e) {
		HttpStatus status = HttpStatus.valueOf(e.status());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
		problem.setTitle(status == HttpStatus.CONFLICT ? Messages.text("api.titleConflict")
				: Messages.text("api.titleInvalidRequest"));
		if (!e.variables().isEmpty()) {
			problem.setProperty("variables", e.variables());
		}
		return problem;
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
		problem.setTitle(Messages.text("api.titleNotFound"));
		return problem;
	}

	@ExceptionHandler(ForbiddenException.class)
	ProblemDetail forbidden(ForbiddenException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
		problem.setTitle(Messages.text("api.titleNotAllowed"));
		return problem;
	}

	@ExceptionHandler(AuthorizationException.class)
	ProblemDetail forbidden(AuthorizationException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
		problem.setTitle(Messages.text("api.titleNotAllowed"));
		return problem;
	}

}
