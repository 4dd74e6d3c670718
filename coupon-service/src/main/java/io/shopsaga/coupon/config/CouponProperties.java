package io.shopsaga.coupon.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of coupon-service ({@code shopsaga.coupon.*}).
 *
 * @param redisPrefix the namespace of every Redis key of the issuance gate ({@code {<prefix>:<couponId>}:…}),
 *     so two deployments (or two test databases) sharing one Redis never see each other's campaigns
 * @param seed create a seed campaign at start-up when there is none (local runs only)
 * @param reconcileInterval how often Redis is compared with MySQL for every open campaign
 * @param staleGrantGrace how old a Redis grant without its MySQL row must be before reconciliation gives it back;
 *     far longer than any durable write can take
 * @param rebuildLockTtl how long one instance may hold a campaign's rebuild lock
 * @param rebuildSettle the longest a rebuild waits, after closing the gate and before reading MySQL, for the
 *     durable writes of grants made just before to commit (it stops as soon as MySQL's count holds still), so the
 *     rebuild counts them; MySQL's guard catches any it still misses
 * @param retryAfter what {@code Retry-After} tells a client refused while the gate is unavailable
 */
@ConfigurationProperties("shopsaga.coupon")
public record CouponProperties(
        @DefaultValue("coupon") String redisPrefix,
        @DefaultValue("false") boolean seed,
        @DefaultValue("30s") Duration reconcileInterval,
        @DefaultValue("60s") Duration staleGrantGrace,
        @DefaultValue("30s") Duration rebuildLockTtl,
        @DefaultValue("1s") Duration rebuildSettle,
        @DefaultValue("1s") Duration retryAfter) {
}
