package io.shopsaga.gateway.web;

import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * A refusal the gateway decides itself (bad alias input, rate limit, a service it cannot reach). Filters throw
 * it and {@link ProblemWebExceptionHandler} renders it, so every such answer has the same problem shape.
 */
public class GatewayProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final HttpHeaders headers;

    public GatewayProblemException(HttpStatus status, String code, String detail, HttpHeaders headers, Throwable cause) {
        super(detail, cause, false, false);
        this.status = status;
        this.code = code;
        this.headers = headers;
    }

    public static GatewayProblemException invalidRequest(String detail) {
        return new GatewayProblemException(HttpStatus.BAD_REQUEST, ProblemCodes.INVALID_REQUEST, detail,
                new HttpHeaders(), null);
    }

    public static GatewayProblemException methodNotAllowed(String used, Set<HttpMethod> allowed) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAllow(allowed);
        return new GatewayProblemException(HttpStatus.METHOD_NOT_ALLOWED, ProblemCodes.METHOD_NOT_ALLOWED,
                used + " is not supported here; use " + allowed, headers, null);
    }

    public static GatewayProblemException unsupportedMediaType(String detail) {
        return new GatewayProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemCodes.UNSUPPORTED_MEDIA_TYPE,
                detail, new HttpHeaders(), null);
    }

    public static GatewayProblemException rateLimited(String detail, HttpHeaders headers) {
        return new GatewayProblemException(HttpStatus.TOO_MANY_REQUESTS, ProblemCodes.RATE_LIMITED, detail, headers,
                null);
    }

    public static GatewayProblemException serviceUnavailable(String detail, Throwable cause) {
        return new GatewayProblemException(HttpStatus.SERVICE_UNAVAILABLE, ProblemCodes.SERVICE_UNAVAILABLE, detail,
                new HttpHeaders(), cause);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public HttpHeaders headers() {
        return headers;
    }
}
