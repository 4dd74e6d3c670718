package io.shopsaga.gateway.ratelimit;

import io.shopsaga.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The coupon issuance rate limit, built from {@code shopsaga.gateway.coupon-rate-limit.*}. */
@Configuration(proxyBeanMethods = false)
public class RateLimitConfiguration {

    /** A bean so that it finds the gateway's reactive Redis template and its token-bucket Lua script. */
    @Bean
    RedisRateLimiter couponIssueRateLimiter(GatewayProperties properties) {
        GatewayProperties.CouponRateLimit limit = properties.couponRateLimit();
        return new RedisRateLimiter(limit.replenishRate(), limit.burstCapacity(), limit.requestedTokens());
    }

    /** Static: a bean post-processor must not wait for this configuration's other beans. */
    @Bean
    static StaticRateLimiterScript staticRateLimiterScript() {
        return new StaticRateLimiterScript();
    }

    @Bean
    IssuerKeyResolver issuerKeyResolver() {
        return new IssuerKeyResolver();
    }

    @Bean
    CouponIssueRateLimit couponIssueRateLimit(RedisRateLimiter couponIssueRateLimiter, IssuerKeyResolver keys,
            GatewayProperties properties) {
        return new CouponIssueRateLimit(couponIssueRateLimiter, keys, properties.couponRateLimit());
    }
}
