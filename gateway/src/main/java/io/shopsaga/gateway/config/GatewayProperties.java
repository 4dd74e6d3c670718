package io.shopsaga.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code shopsaga.gateway.*}: where the services are, how long to wait for them, the request body limit and the
 * coupon issuance rate limit. The safe local defaults live in {@code application.yml}.
 *
 * @param services the base URL of each service
 * @param timeouts connect and response timeouts of every route
 * @param maxBodySize the largest request body the gateway accepts (the contract says 64 KiB)
 * @param couponRateLimit the per-user token bucket in front of coupon issuance
 * @param rankingCache the response cache of the ranking routes
 * @param productCache the response cache of the product routes' {@code GET}s
 */
@ConfigurationProperties("shopsaga.gateway")
public record GatewayProperties(Services services, @DefaultValue Timeouts timeouts,
        @DefaultValue("64KB") DataSize maxBodySize, @DefaultValue CouponRateLimit couponRateLimit,
        @DefaultValue ResponseCache rankingCache, @DefaultValue ResponseCache productCache) {

    /** Base URLs, set from {@code BALANCE_SERVICE_URL} and the like. */
    public record Services(URI balance, URI product, URI coupon, URI order, URI ranking) {

        public URI of(DownstreamService service) {
            return switch (service) {
                case BALANCE -> balance;
                case PRODUCT -> product;
                case COUPON -> coupon;
                case ORDER -> order;
                case RANKING -> ranking;
            };
        }
    }

    /**
     * @param connect how long to wait for a TCP connection to a service
     * @param response how long to wait for a service's response headers
     * @param responsePerService a longer (or shorter) response timeout for some services, keyed by service id;
     *        order-service needs one because {@code Prefer: wait=N} holds a request for up to 30 s
     */
    public record Timeouts(@DefaultValue("1s") Duration connect, @DefaultValue("5s") Duration response,
            Map<String, Duration> responsePerService) {

        public Duration responseFor(DownstreamService service) {
            return responsePerService == null ? response : responsePerService.getOrDefault(service.id(), response);
        }
    }

    /**
     * @param replenishRate tokens added to a user's bucket per second
     * @param burstCapacity the size of a user's bucket
     * @param keyPrefix the namespace of the buckets in Redis (tests use their own)
     * @param redisTimeout how long to wait for Redis before letting the request through
     * @param requestedTokens what one request costs; rates below one request a second are set with it (replenish 1,
     *     burst 180, requested 60: three at once, then one a minute)
     */
    public record CouponRateLimit(@DefaultValue("20") int replenishRate, @DefaultValue("40") int burstCapacity,
            @DefaultValue("coupon-issue") String keyPrefix, @DefaultValue("300ms") Duration redisTimeout,
            @DefaultValue("1") int requestedTokens) {
    }

    /**
     * A per-route cache of {@code GET} answers in the gateway's memory (Spring Cloud Gateway's LocalResponseCache,
     * keyed by URI, {@code Authorization} and cookies; only 200s are kept), for answers that are the same for every
     * client and may be a little old: the rankings may lag completed orders by 5 s, a product change must show
     * within 2 s (the contract).
     *
     * @param timeToLive how long an answer is served from memory; zero turns the cache off
     * @param size the memory the cached answers may take
     */
    public record ResponseCache(@DefaultValue("1s") Duration timeToLive, @DefaultValue("1MB") DataSize size) {

        public boolean enabled() {
            return timeToLive.isPositive();
        }
    }
}
