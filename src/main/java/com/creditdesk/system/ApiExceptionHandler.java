package com.creditdesk.system;

import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns failures of CreditDesk's own API into RFC 9457 problem details that say what is wrong.
 */
@RestControllerAdvice(basePackages = "com.creditdesk")
class ApiExceptionHandler {

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalid(MethodArgumentNotValidException e) {
		Map<String, String> fields = e.getBindingResult()
			.getFieldErrors()
			.stream()
			.collect(Collectors.toMap(f -> f.getField(), f -> String.valueOf(f.getDefaultMessage()), (a, b) -> a));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				fields.entrySet().stream().map(f -> f.getKey() + ": " + f.getValue()).sorted()
					.collect(Collectors.joining("; ")));
		problem.setTitle("Invalid request");
		problem.setProperty("fields", fields);
		return problem;
	}

	@ExceptionHandler(InvalidRequestException.class)
	ProblemDetail invalid(InvalidRequestException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
		problem.setTitle("Invalid request");
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
		problem.setTitle("Conflict");
		return problem;
	}

	@ExceptionHandler(StepRefusedException.class)
	ProblemDetail refused(StepRefusedException e) {
		HttpStatus status = HttpStatus.valueOf(e.status());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
		problem.setTitle(status == HttpStatus.CONFLICT ? "Conflict" : "Invalid request");
		if (!e.variables().isEmpty()) {
			problem.setProperty("variables", e.variables());
		}
		return problem;
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
		problem.setTitle("Not found");
		return problem;
	}

	@ExceptionHandler(ForbiddenException.class)
	ProblemDetail forbidden(ForbiddenException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
		problem.setTitle("Not allowed");
		return problem;
	}

	@ExceptionHandler(AuthorizationException.class)
	ProblemDetail forbidden(AuthorizationException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
		problem.setTitle("Not allowed");
		return problem;
	}

}
