package dev.stillpoint.booking.system;

import java.util.List;
import java.util.stream.Collectors;

import dev.stillpoint.booking.appointment.BookingConflictException;
import dev.stillpoint.booking.appointment.BookingNotFoundException;
import dev.stillpoint.booking.appointment.BookingRuleViolation;
import tools.jackson.core.JacksonException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every client mistake made through the JSON API with an RFC 9457 problem detail that says what is wrong
 * and, where a field is at fault, names it in {@code errors[].field}. The pages answer with pages of their own.
 */
@RestControllerAdvice(annotations = RestController.class)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    @ExceptionHandler
    ProblemDetail notFound(BookingNotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, "Booking not found", ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail conflict(BookingConflictException ex) {
        return problem(HttpStatus.CONFLICT, "Booking conflict", ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail ruleViolated(BookingRuleViolation ex) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Booking not possible", ex.getMessage());
        problem.setProperty("errors", List.of(new FieldProblem(ex.field(), ex.getMessage())));
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
            .map((error) -> new FieldProblem(error.getField(), error.getDefaultMessage()))
            .sorted((a, b) -> a.field().compareTo(b.field()))
            .toList();
        String fields = errors.stream().map(FieldProblem::field).distinct().collect(Collectors.joining(", "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", "Please correct: " + fields + ".");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Unreadable request",
                "The request body is not valid JSON.");
        if (ex.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            String field = jackson.getPath().stream()
                .map((ref) -> (ref.getPropertyName() != null) ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
            String message = "has a value of the wrong type or format";
            problem.setDetail("Field '" + field + "' " + message + ".");
            problem.setProperty("errors", List.of(new FieldProblem(field, message)));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    record FieldProblem(String field, String message) {
    }

}
