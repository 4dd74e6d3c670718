package io.shopsaga.defaults.error;

import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Turns every exception a service lets escape into a problem detail with a {@code code} member.
 *
 * <p>Spring's own exceptions (malformed JSON, type mismatches, validation, unknown routes) are
 * handled by the base class and only get their code and a detail that names the field here, so a
 * client never sees a stack trace or a 500 for bad input.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(BusinessException.class)
    ResponseEntity<Object> handleBusiness(BusinessException ex, WebRequest request) {
        HttpStatus status = HttpStatus.valueOf(ex.kind().status());
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
        body.setProperty("code", ex.code());
        ex.properties().forEach(body::setProperty);
        return problem(body, new HttpHeaders(), status);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
        String detail = ex.getConstraintViolations().stream()
                .map(v -> lastNode(v.getPropertyPath().toString()) + " " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return invalid(detail);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> handleTypeMismatch(MethodArgumentTypeMismatchException ex, WebRequest request) {
        return invalid(ex.getName() + " has an invalid value '" + ex.getValue() + "'");
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<Object> handleTooLarge(PayloadTooLargeException ex, WebRequest request) {
        return invalid(ex.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) throws Exception {
        log.error("Unhandled exception", ex);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; it has been logged with this request's id.");
        body.setProperty("code", ErrorCodes.INTERNAL_ERROR);
        return problem(body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = ex.getBindingResult().getAllErrors().stream()
                .map(e -> e instanceof FieldError f ? f.getField() + " " + f.getDefaultMessage() : e.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return invalid(detail);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(e -> parameterName(r.getMethodParameter().getParameterName(), e)
                        + " " + e.getDefaultMessage()))
                .sorted()
                .collect(Collectors.joining("; "));
        return invalid(detail);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(describeUnreadable(ex));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(ex.getParameterName() + " is required");
    }

    /** Gives every problem the base class builds (404, 405, 415, ...) its code as well. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail p ? p
                : ProblemDetail.forStatusAndDetail(statusCode, ex.getMessage());
        if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
            problem.setProperty("code", codeFor(statusCode));
        }
        if (ex instanceof MissingRequestHeaderException missing) {
            problem.setDetail(missing.getHeaderName() + " header is required");
        }
        return problem(problem, headers, statusCode);
    }

    private static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> ErrorCodes.INVALID_REQUEST;
            case 404 -> ErrorCodes.NOT_FOUND;
            case 405 -> ErrorCodes.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCodes.NOT_ACCEPTABLE;
            case 413 -> ErrorCodes.INVALID_REQUEST;
            case 415 -> ErrorCodes.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ErrorCodes.SERVICE_UNAVAILABLE;
            default -> status.is4xxClientError() ? ErrorCodes.INVALID_REQUEST : ErrorCodes.INTERNAL_ERROR;
        };
    }

    private static ResponseEntity<Object> invalid(String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        body.setProperty("code", ErrorCodes.INVALID_REQUEST);
        return problem(body, new HttpHeaders(), HttpStatus.BAD_REQUEST);
    }

    private static ResponseEntity<Object> problem(ProblemDetail body, HttpHeaders headers, HttpStatusCode status) {
        return ResponseEntity.status(status)
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    static String describeUnreadable(HttpMessageNotReadableException ex) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLargeException tooLarge) {
                return tooLarge.getMessage();
            }
            if (cause instanceof JacksonException jackson) {
                String field = fieldPath(jackson.getPath());
                return field.isEmpty()
                        ? "request body is not valid JSON"
                        : field + " has an invalid value or type";
            }
        }
        return "request body is missing or not valid JSON";
    }

    private static String fieldPath(List<JacksonException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference ref : path) {
            if (ref.getPropertyName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(ref.getPropertyName());
            }
            else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String parameterName(String parameter, MessageSourceResolvable error) {
        if (error instanceof FieldError field) {
            return field.getField();
        }
        return parameter != null ? parameter : String.valueOf(error instanceof DefaultMessageSourceResolvable d ? d.getCode() : "parameter");
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
