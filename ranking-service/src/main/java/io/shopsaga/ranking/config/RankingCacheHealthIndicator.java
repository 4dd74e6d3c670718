package io.shopsaga.ranking.config;

import io.shopsaga.ranking.persistence.CacheStatus;
import io.shopsaga.ranking.persistence.RankingCache;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The Redis sets' health as {@code rankingCache}: always UP, because without Redis the service still answers
 * correctly from MySQL; the {@code cache} detail says {@code UP} or {@code DEGRADED}. It replaces Boot's own
 * {@code redis} indicator, which would report the whole service DOWN.
 */
class RankingCacheHealthIndicator implements HealthIndicator {

    private final RankingCache cache;
    private final CacheStatus status;

    RankingCacheHealthIndicator(RankingCache cache, CacheStatus status) {
        this.cache = cache;
        this.status = status;
    }

    @Override
    public Health health() {
        boolean reachable = cache.ping();
        Health.Builder health = Health.up()
                .withDetail("cache", reachable ? "UP" : "DEGRADED")
                .withDetail("redis", reachable ? "reachable" : "unreachable; rankings are answered from MySQL")
                .withDetail("errors", status.failures())
                .withDetail("fallbacks", status.fallbacks())
                .withDetail("pendingDays", cache.pendingDays());
        if (status.lastFailureAt() != null) {
            health.withDetail("lastErrorAt", status.lastFailureAt().toString())
                    .withDetail("lastError", status.lastFailure());
        }
        return health.build();
    }
}
