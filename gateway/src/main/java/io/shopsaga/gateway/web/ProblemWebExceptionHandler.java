package io.shopsaga.gateway.web;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.net.ConnectException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders every failure that originates in the gateway as an RFC 9457 problem with a {@code code} member.
 *
 * <p>Ordered before Boot's default handler (order -1), so a client never sees a Whitelabel page, a Netty error
 * or a stack trace. Answers that come from a service are not exceptions and pass through untouched.
 */
@Component
@Order(-2)
public class ProblemWebExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    private final JsonMapper json;

    public ProblemWebExceptionHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(failure);
        }
        GatewayProblemException problem = toProblem(exchange, failure);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", problem.status().getReasonPhrase());
        body.put("status", problem.status().value());
        body.put("detail", problem.getMessage());
        body.put("instance", exchange.getRequest().getPath().value());
        body.put("code", problem.code());
        byte[] bytes = json.writeValueAsBytes(body);

        HttpHeaders headers = response.getHeaders();
        headers.clear();
        headers.putAll(problem.headers());
        headers.set(RequestIds.HEADER, RequestIds.of(exchange));
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setContentLength(bytes.length);
        response.setStatusCode(problem.status());
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }

    private GatewayProblemException toProblem(ServerWebExchange exchange, Throwable failure) {
        String requestId = RequestIds.of(exchange);
        return switch (failure) {
            case GatewayProblemException known -> {
                if (known.status().is5xxServerError()) {
                    log.warn("{} {} -> {}: {}{} [requestId={}]", exchange.getRequest().getMethod(),
                            exchange.getRequest().getPath(), known.status().value(), known.getMessage(),
                            known.getCause() == null ? "" : " (" + known.getCause() + ")", requestId);
                }
                yield known;
            }
            case DataBufferLimitException tooLarge -> GatewayProblemException.invalidRequest("body is too large");
            case MethodNotAllowedException notAllowed -> GatewayProblemException
                    .methodNotAllowed(notAllowed.getHttpMethod(), notAllowed.getSupportedMethods());
            case ServerWebInputException input -> GatewayProblemException.invalidRequest(
                    input.getReason() == null ? "the request is malformed" : input.getReason());
            case ResponseStatusException status -> fromStatus(exchange, status.getStatusCode(), status);
            case CallNotPermittedException open -> GatewayProblemException
                    .serviceUnavailable("the service is unavailable; try again shortly", open);
            case ConnectException unreachable -> GatewayProblemException
                    .serviceUnavailable("the service is unavailable; try again shortly", unreachable);
            case TimeoutException slow -> GatewayProblemException
                    .serviceUnavailable("the service is unavailable; try again shortly", slow);
            default -> unexpected(exchange, failure);
        };
    }

    private GatewayProblemException fromStatus(ServerWebExchange exchange, HttpStatusCode code, Throwable failure) {
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == null) {
            return unexpected(exchange, failure);
        }
        return switch (status) {
            case NOT_FOUND -> new GatewayProblemException(status, ProblemCodes.NOT_FOUND,
                    "no endpoint serves " + exchange.getRequest().getPath().value(), new HttpHeaders(), null);
            case NOT_ACCEPTABLE -> new GatewayProblemException(status, ProblemCodes.NOT_ACCEPTABLE,
                    "only application/json responses are available", new HttpHeaders(), null);
            case UNSUPPORTED_MEDIA_TYPE -> GatewayProblemException
                    .unsupportedMediaType("the body must be application/json");
            case CONTENT_TOO_LARGE -> GatewayProblemException.invalidRequest("body is too large");
            case BAD_GATEWAY, SERVICE_UNAVAILABLE, GATEWAY_TIMEOUT -> GatewayProblemException
                    .serviceUnavailable("the service is unavailable; try again shortly", failure);
            default -> status.is4xxClientError()
                    ? new GatewayProblemException(status, ProblemCodes.INVALID_REQUEST,
                            "the request is not acceptable: " + status.getReasonPhrase(), new HttpHeaders(), null)
                    : unexpected(exchange, failure);
        };
    }

    private GatewayProblemException unexpected(ServerWebExchange exchange, Throwable failure) {
        log.error("Unhandled failure in {} {} [requestId={}]", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), RequestIds.of(exchange), failure);
        return new GatewayProblemException(HttpStatus.INTERNAL_SERVER_ERROR, ProblemCodes.INTERNAL_ERROR,
                "an unexpected error occurred; it has been logged with this request's id", new HttpHeaders(), null);
    }
}
