package io.shopsaga.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.shopsaga.gateway.config.DownstreamService;
import io.shopsaga.gateway.web.GatewayProblemException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Wraps the call to one service in its Resilience4j circuit breaker and turns every way of not getting an answer
 * (connection refused, connect or response timeout, open circuit) into {@code 503 SERVICE_UNAVAILABLE}.
 *
 * <p>Written against Resilience4j directly rather than with Spring Cloud Gateway's {@code CircuitBreaker} filter
 * because the contract needs two things that filter cannot give together: a service's 5xx answer reaches the
 * client unchanged (body included) yet counts as a failure, while its 4xx answers count as successes. The stock
 * filter either ignores the status or replaces the answer with the fallback's.
 *
 * <p>The outcome is recorded when the service's response headers arrive (the body then streams to the client).
 * A request refused by the gateway itself (a 4xx problem raised downstream of this filter) or abandoned by
 * the client releases its permit without counting either way.
 */
public final class DownstreamGuard implements GatewayFilter {

    private final DownstreamService service;
    private final CircuitBreaker breaker;

    public DownstreamGuard(DownstreamService service, CircuitBreaker breaker) {
        this.service = service;
        this.breaker = breaker;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return Mono.defer(() -> {
            if (!breaker.tryAcquirePermission()) {
                return Mono.error(GatewayProblemException.serviceUnavailable(
                        service.id() + " is unavailable (its circuit is open); try again shortly", null));
            }
            long start = breaker.getCurrentTimestamp();
            AtomicBoolean settled = new AtomicBoolean();
            return chain.filter(exchange)
                    .doOnSuccess(done -> {
                        if (settled.compareAndSet(false, true)) {
                            HttpStatusCode status = exchange.getResponse().getStatusCode();
                            if (status != null && status.is5xxServerError()) {
                                breaker.onError(elapsed(start), breaker.getTimestampUnit(),
                                        new DownstreamServerError(service, status));
                            }
                            else {
                                breaker.onSuccess(elapsed(start), breaker.getTimestampUnit());
                            }
                        }
                    })
                    .onErrorResume(failure -> {
                        if (!settled.compareAndSet(false, true)) {
                            return Mono.error(failure);
                        }
                        if (failure instanceof GatewayProblemException problem
                                && problem.status().is4xxClientError()) {
                            breaker.releasePermission();
                            return Mono.error(failure);
                        }
                        breaker.onError(elapsed(start), breaker.getTimestampUnit(), failure);
                        return Mono.error(GatewayProblemException.serviceUnavailable(
                                service.id() + " is unavailable; try again shortly", failure));
                    })
                    .doOnCancel(() -> {
                        if (settled.compareAndSet(false, true)) {
                            breaker.releasePermission();
                        }
                    });
        });
    }

    private long elapsed(long start) {
        return breaker.getCurrentTimestamp() - start;
    }

    /** Stands for a service's 5xx answer in the breaker's failure count; never thrown. */
    static final class DownstreamServerError extends RuntimeException {

        DownstreamServerError(DownstreamService service, HttpStatusCode status) {
            super(service.id() + " answered " + status.value(), null, false, false);
        }
    }
}
