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
        return status.health(cache.ping()).withDetail("pendingDays", cache.pendingDays()).build();
    }
}
