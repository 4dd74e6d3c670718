package io.shopsaga.coupon.api;

import io.shopsaga.coupon.application.IssuanceUnavailableException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a retryable refusal of issuance as the shared advice would (503 SERVICE_UNAVAILABLE problem), plus
 * the {@code Retry-After} header the shared {@code BusinessException} has no place for. Ordered first, and
 * handles only this one exception; everything else goes to the shared advice.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RetryAfterAdvice {

    @ExceptionHandler(IssuanceUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(IssuanceUnavailableException ex) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
        body.setProperty("code", ex.code());
        long seconds = Math.max(1, (ex.retryAfter().toMillis() + 999) / 1000);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
