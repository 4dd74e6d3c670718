package io.shopsaga.product.config;

import io.shopsaga.product.persistence.CacheStatus;
import io.shopsaga.product.persistence.ProductCache;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The cache's health as {@code productCache}: always UP, because without Redis the service still
 * answers correctly from the database; the {@code cache} detail says {@code UP}, {@code DEGRADED}
 * (Redis unreachable, reads served from the database) or {@code DISABLED} (switched off by configuration).
 * It replaces Boot's own {@code redis} indicator, which would report the whole service DOWN.
 */
public class ProductCacheHealthIndicator implements HealthIndicator {

    private final ProductCache cache;
    private final CacheStatus status;

    public ProductCacheHealthIndicator(ProductCache cache, CacheStatus status) {
        this.cache = cache;
        this.status = status;
    }

    @Override
    public Health health() {
        if (!cache.enabled()) {
            return Health.up().withDetail("cache", "DISABLED")
                    .withDetail("redis", "not used; every read is served from the database")
                    .build();
        }
        return status.health(cache.ping()).build();
    }
}
