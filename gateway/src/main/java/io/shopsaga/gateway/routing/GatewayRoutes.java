package io.shopsaga.gateway.routing;

import static io.shopsaga.gateway.config.DownstreamService.BALANCE;
import static io.shopsaga.gateway.config.DownstreamService.COUPON;
import static io.shopsaga.gateway.config.DownstreamService.ORDER;
import static io.shopsaga.gateway.config.DownstreamService.PRODUCT;
import static io.shopsaga.gateway.config.DownstreamService.RANKING;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.shopsaga.gateway.alias.JsonBodies;
import io.shopsaga.gateway.alias.SeedAliases;
import io.shopsaga.gateway.config.DownstreamService;
import io.shopsaga.gateway.config.GatewayProperties;
import io.shopsaga.gateway.ratelimit.CouponIssueRateLimit;
import io.shopsaga.gateway.ratelimit.IssuerCapture;
import io.shopsaga.gateway.resilience.DownstreamGuard;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.BooleanSpec;
import org.springframework.cloud.gateway.route.builder.PredicateSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The public contract's routing table (the README has it as a table too).
 *
 * <p>Declared in Java rather than under {@code spring.cloud.gateway.server.webflux.routes} because most routes
 * carry typed filters (the seed aliases, the rate limit, the circuit breaker) that are built from
 * {@code shopsaga.gateway.*}; one place keeps the whole table readable. Only the public paths are routed:
 * a service's {@code /internal/**} and {@code /actuator/**} have no route, so the gateway answers 404 for them.
 *
 * <p>Every route gets the same tail: its service's connect and response timeouts and its circuit breaker
 * ({@link DownstreamGuard}). Nothing is retried: a POST that timed out may have been applied, and the
 * contract's {@code Idempotency-Key} is how a client retries safely.
 */
@Configuration(proxyBeanMethods = false)
public class GatewayRoutes {

    private static final int FIRST_FILTER_ORDER = 1;
    private static final int GUARD_ORDER = 100;

    @Bean
    JsonBodies jsonBodies(GatewayProperties properties) {
        return new JsonBodies(Math.toIntExact(properties.maxBodySize().toBytes()));
    }

    @Bean
    RouteLocator routes(RouteLocatorBuilder builder, GatewayProperties properties, CircuitBreakerRegistry breakers,
            JsonBodies bodies, CouponIssueRateLimit couponRateLimit) {
        Table table = new Table(builder.routes(), properties, breakers);
        SeedAliases seed = new SeedAliases(bodies);

        // The REST API, one service per resource.
        table.route("balance-api", BALANCE, p -> p.path("/api/v1/balances/**"));
        table.cachedRoute("product-api", PRODUCT, properties.productCache(), p -> p.path("/api/v1/products/**"));
        table.route("coupon-issue", COUPON, p -> p.method(HttpMethod.POST).and().path("/api/v1/coupons/*/issue"),
                new IssuerCapture(bodies), couponRateLimit);
        table.route("coupon-api", COUPON, p -> p.path("/api/v1/coupons/**", "/api/v1/users/*/coupons"));
        table.route("order-api", ORDER, p -> p.path("/api/v1/orders/**", "/api/v1/users/*/orders"));
        table.cachedRoute("ranking-api", RANKING, properties.rankingCache(), p -> p.path("/api/v1/rankings/**"));

        // The seed endpoints of the original client contract, rewritten onto the REST API.
        table.route("seed-charge-balance", BALANCE, p -> p.path("/chargeBalance"), seed.chargeBalance());
        table.route("seed-get-balance", BALANCE, p -> p.path("/getBalance"), seed.getBalance());
        table.cachedRoute("seed-products", PRODUCT, properties.productCache(), p -> p.path("/products"),
                SeedAliases.rewrite(HttpMethod.GET, "/api/v1/products", null, Map.of()));
        table.route("seed-issue-coupon", COUPON, p -> p.path("/issueCoupon"), seed.issueCoupon(), couponRateLimit);
        table.route("seed-order", ORDER, p -> p.path("/order"),
                SeedAliases.rewrite(HttpMethod.POST, "/api/v1/orders", null, Map.of("Prefer", "wait=5")));
        table.cachedRoute("seed-top-products", RANKING, properties.rankingCache(), p -> p.path("/topProducts"),
                SeedAliases.rewrite(HttpMethod.GET, "/api/v1/rankings/top-products", "days=3&limit=5", Map.of()));
        return table.routes.build();
    }

    /** Adds routes with the tail every route shares. */
    private static final class Table {

        private final RouteLocatorBuilder.Builder routes;
        private final GatewayProperties properties;
        private final CircuitBreakerRegistry breakers;

        Table(RouteLocatorBuilder.Builder routes, GatewayProperties properties, CircuitBreakerRegistry breakers) {
            this.routes = routes;
            this.properties = properties;
            this.breakers = breakers;
        }

        /** A route to {@code service}; {@code filters} run in the given order, then the breaker and the call. */
        void route(String id, DownstreamService service, Function<PredicateSpec, BooleanSpec> predicate,
                GatewayFilter... filters) {
            route(id, service, predicate, null, filters);
        }

        /**
         * A route whose {@code GET} answers are served from {@code cache} while fresh (before every other filter, so
         * a hit neither calls the service nor counts in its breaker).
         */
        void cachedRoute(String id, DownstreamService service, GatewayProperties.ResponseCache cache,
                Function<PredicateSpec, BooleanSpec> predicate, GatewayFilter... filters) {
            route(id, service, predicate, cache, filters);
        }

        /** {@code cache}: null, or off, for a route without one. */
        private void route(String id, DownstreamService service, Function<PredicateSpec, BooleanSpec> predicate,
                GatewayProperties.ResponseCache cache, GatewayFilter... filters) {
            DownstreamGuard guard = new DownstreamGuard(service, breakers.circuitBreaker(service.id()));
            routes.route(id, spec -> predicate.apply(spec)
                    .filters(f -> {
                        if (cache != null && cache.enabled()) {
                            f.localResponseCache(cache.timeToLive(), cache.size());
                        }
                        int order = FIRST_FILTER_ORDER;
                        for (GatewayFilter filter : List.of(filters)) {
                            f.filter(filter, order++);
                        }
                        return f.filter(guard, GUARD_ORDER);
                    })
                    .metadata(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR,
                            Math.toIntExact(properties.timeouts().connect().toMillis()))
                    .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR,
                            properties.timeouts().responseFor(service).toMillis())
                    .uri(properties.services().of(service)));
        }
    }
}
