package io.shopsaga.gateway.alias;

import io.shopsaga.gateway.ratelimit.IssuerKeyResolver;
import io.shopsaga.gateway.web.GatewayProblemException;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rewrites of the seed endpoints onto the REST ones, as the contract's table lists them. Each refuses a
 * method the seed call never had with {@code 405} and a missing or malformed id with {@code 400 INVALID_REQUEST}
 * naming the field, without calling the service; everything else (other members of the body, the
 * {@code Idempotency-Key} and other headers) reaches the REST endpoint unchanged.
 */
public final class SeedAliases {

    private final JsonBodies bodies;

    public SeedAliases(JsonBodies bodies) {
        this.bodies = bodies;
    }

    /** {@code POST /chargeBalance {"userId":1,"amount":5000}} → {@code POST /api/v1/balances/1/charges {"amount":5000}}. */
    public GatewayFilter chargeBalance() {
        return (exchange, chain) -> requireMethod(exchange, HttpMethod.POST)
                .then(bodies.read(exchange))
                .flatMap(bytes -> {
                    ObjectNode body = JsonBodies.parseObject(exchange.getRequest(), bytes);
                    long userId = PositiveIds.fromJson(body, "userId");
                    body.remove("userId");
                    return forward(exchange, chain, JsonBodies.withBody(
                            exchange.getRequest().mutate().path("/api/v1/balances/" + userId + "/charges"),
                            JsonBodies.write(body), true));
                });
    }

    /** {@code GET /getBalance?userId=1} → {@code GET /api/v1/balances/1}. */
    public GatewayFilter getBalance() {
        return (exchange, chain) -> requireMethod(exchange, HttpMethod.GET).then(Mono.defer(() -> {
            long userId = PositiveIds.fromText(exchange.getRequest().getQueryParams().getFirst("userId"), "userId");
            return forward(exchange, chain, to(exchange.getRequest(), "/api/v1/balances/" + userId, "", Map.of()));
        }));
    }

    /**
     * {@code POST /issueCoupon {"userId":1,"couponId":7}} → {@code POST /api/v1/coupons/7/issue {"userId":1}};
     * also hands the user to the issuance rate limiter.
     */
    public GatewayFilter issueCoupon() {
        return (exchange, chain) -> requireMethod(exchange, HttpMethod.POST)
                .then(bodies.read(exchange))
                .flatMap(bytes -> {
                    ObjectNode body = JsonBodies.parseObject(exchange.getRequest(), bytes);
                    long userId = PositiveIds.fromJson(body, "userId");
                    long couponId = PositiveIds.fromJson(body, "couponId");
                    body.remove("couponId");
                    exchange.getAttributes().put(IssuerKeyResolver.USER_ID_ATTRIBUTE, userId);
                    return forward(exchange, chain, JsonBodies.withBody(
                            exchange.getRequest().mutate().path("/api/v1/coupons/" + couponId + "/issue"),
                            JsonBodies.write(body), true));
                });
    }

    /**
     * A seed call that maps to a fixed REST path: {@code method} only, the path replaced, the query replaced
     * when {@code query} is given ({@code ""} drops it; null keeps it, e.g. paging parameters), and {@code headers}
     * set.
     */
    public static GatewayFilter rewrite(HttpMethod method, String path, String query, Map<String, String> headers) {
        return (exchange, chain) -> requireMethod(exchange, method)
                .then(Mono.defer(() -> forward(exchange, chain, to(exchange.getRequest(), path, query, headers))));
    }

    private static ServerHttpRequest to(ServerHttpRequest request, String path, String query,
            Map<String, String> headers) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUri(request.getURI()).replacePath(path);
        if (query != null) {
            uri.replaceQuery(query.isEmpty() ? null : query);
        }
        URI target = uri.build(true).toUri();
        return request.mutate().uri(target).headers(h -> headers.forEach(h::set)).build();
    }

    private static Mono<Void> requireMethod(ServerWebExchange exchange, HttpMethod method) {
        HttpMethod used = exchange.getRequest().getMethod();
        return method.equals(used) ? Mono.empty()
                : Mono.error(GatewayProblemException.methodNotAllowed(used.name(), Set.of(method)));
    }

    private static Mono<Void> forward(ServerWebExchange exchange, GatewayFilterChain chain, ServerHttpRequest request) {
        ServerWebExchangeUtils.addOriginalRequestUrl(exchange, exchange.getRequest().getURI());
        return chain.filter(exchange.mutate().request(request).build());
    }
}
