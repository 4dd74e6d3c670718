package io.shopsaga.gateway.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

/**
 * Refuses paths a service could resolve differently from the gateway's route predicates.
 *
 * <p>Routes match the raw path, but a service normalises it: {@code /api/v1/balances/1/../../../actuator/env}
 * matches the balance route and would reach balance-service's actuator. Dot segments, encoded slashes and
 * backslashes (literal or percent-encoded) are therefore bad input before any route is chosen.
 */
@Component
public class PathGuardWebFilter implements WebFilter, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String rawPath = exchange.getRequest().getURI().getRawPath();
        if (rawPath != null && !isSafe(rawPath)) {
            return Mono.error(GatewayProblemException.invalidRequest(
                    "path must not contain dot segments, backslashes or encoded slashes"));
        }
        return chain.filter(exchange);
    }

    static boolean isSafe(String rawPath) {
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("\\")) {
            return false;
        }
        for (String segment : rawPath.split("/", -1)) {
            int matrix = segment.indexOf(';');
            String name = decode(matrix >= 0 ? segment.substring(0, matrix) : segment);
            if (name.equals(".") || name.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static String decode(String segment) {
        try {
            return UriUtils.decode(segment, StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            return segment;
        }
    }
}
