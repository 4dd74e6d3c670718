package io.shopsaga.gateway.ratelimit;

import io.shopsaga.gateway.alias.JsonBodies;
import io.shopsaga.gateway.alias.PositiveIds;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * On {@code POST /api/v1/coupons/{couponId}/issue}, reads the issuing user from the body for the rate limiter and
 * forwards the body byte for byte: validating it stays coupon-service's job.
 */
public class IssuerCapture implements GatewayFilter {

    private final JsonBodies bodies;

    public IssuerCapture(JsonBodies bodies) {
        this.bodies = bodies;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return bodies.read(exchange).flatMap(bytes -> {
            PositiveIds.tryFromJson(JsonBodies.parseObjectOrEmpty(bytes), "userId")
                    .ifPresent(userId -> exchange.getAttributes().put(IssuerKeyResolver.USER_ID_ATTRIBUTE, userId));
            return chain.filter(exchange.mutate()
                    .request(JsonBodies.withBody(exchange.getRequest().mutate(), bytes, false))
                    .build());
        });
    }
}
