package io.shopsaga.gateway.ratelimit;

import io.shopsaga.gateway.config.GatewayProperties.CouponRateLimit;
import io.shopsaga.gateway.web.GatewayProblemException;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Asks the token bucket of the issuing user before coupon issuance, and refuses with
 * {@code 429 RATE_LIMITED} (a problem, with {@code Retry-After}) when it is empty.
 *
 * <p>Spring Cloud Gateway's {@code RequestRateLimiter} filter answers a bare 429 without a body; this filter uses
 * the same {@link RateLimiter} and {@link KeyResolver} but answers with the contract's problem. The seed alias and
 * the REST endpoint share one bucket per user (the bucket's "route" is the configured key prefix), so alternating
 * between them does not double the rate. If Redis does not answer in time the request goes through: the limit
 * protects coupon-service, it must never be the reason issuance fails.
 */
public class CouponIssueRateLimit implements GatewayFilter {

    private static final Logger log = LoggerFactory.getLogger(CouponIssueRateLimit.class);
    private static final RateLimiter.Response ALLOWED = new RateLimiter.Response(true, Map.of());

    private final RateLimiter<?> limiter;
    private final KeyResolver keys;
    private final String bucketPrefix;
    private final Duration redisTimeout;
    private final String retryAfterSeconds;

    public CouponIssueRateLimit(RateLimiter<?> limiter, KeyResolver keys, CouponRateLimit settings) {
        this.limiter = limiter;
        this.keys = keys;
        this.bucketPrefix = settings.keyPrefix();
        this.redisTimeout = settings.redisTimeout();
        this.retryAfterSeconds = Long.toString(Math.max(1,
                (long) Math.ceil((double) settings.requestedTokens() / settings.replenishRate())));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return keys.resolve(exchange)
                .flatMap(key -> limiter.isAllowed(bucketPrefix, key))
                .timeout(redisTimeout)
                .onErrorResume(ex -> {
                    log.warn("Coupon issuance rate limiter unavailable, letting the request through: {}", ex.toString());
                    return Mono.just(ALLOWED);
                })
                .defaultIfEmpty(ALLOWED)
                .flatMap(answer -> {
                    if (answer.isAllowed()) {
                        answer.getHeaders().forEach(exchange.getResponse().getHeaders()::set);
                        return chain.filter(exchange);
                    }
                    return Mono.error(limited(answer.getHeaders()));
                });
    }

    private GatewayProblemException limited(Map<String, String> limiterHeaders) {
        HttpHeaders headers = new HttpHeaders();
        limiterHeaders.forEach(headers::set);
        headers.set(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        return GatewayProblemException.rateLimited(
                "too many coupon issue requests for this user; retry after " + retryAfterSeconds + " s", headers);
    }
}
