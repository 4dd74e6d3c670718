package io.shopsaga.gateway.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Chooses the request's {@code X-Request-Id}, forwards it to the service and returns it on every response,
 * gateway errors included, and writes one access line per request on {@code io.shopsaga.access}.
 *
 * <p>The response header and the access line are written when the response is committed: only then are the
 * final status (possibly set by the error handler, which runs outside the filter chain) and the downstream
 * headers known, and setting the header last replaces any copy a service echoed back.
 */
@Component
public class RequestIdWebFilter implements WebFilter, Ordered {

    private static final Logger access = LoggerFactory.getLogger("io.shopsaga.access");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String requestId = RequestIds.accept(request.getHeaders().getFirst(RequestIds.HEADER));
        exchange.getAttributes().put(RequestIds.ATTRIBUTE, requestId);
        long start = System.nanoTime();
        ServerHttpResponse response = exchange.getResponse();
        response.getHeaders().set(RequestIds.HEADER, requestId);
        response.beforeCommit(() -> {
            response.getHeaders().set(RequestIds.HEADER, requestId);
            if (access.isInfoEnabled()) {
                access.info("{} {} -> {} in {} ms [requestId={}]", request.getMethod(), request.getPath().value(),
                        response.getStatusCode() == null ? 200 : response.getStatusCode().value(),
                        (System.nanoTime() - start) / 1_000_000, requestId);
            }
            return Mono.empty();
        });
        ServerHttpRequest forwarded = request.mutate().headers(headers -> headers.set(RequestIds.HEADER, requestId))
                .build();
        return chain.filter(exchange.mutate().request(forwarded).build());
    }
}
