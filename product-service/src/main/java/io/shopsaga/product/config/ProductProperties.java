package io.shopsaga.product.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of product-service ({@code shopsaga.product.*}).
 *
 * @param seed insert the seed products at start-up if the table is empty (env {@code SHOPSAGA_SEED})
 * @param cache the read cache
 */
@ConfigurationProperties("shopsaga.product")
public record ProductProperties(@DefaultValue("false") boolean seed, @DefaultValue Cache cache) {

    /**
     * @param enabled serve reads through Redis; {@code false} (env {@code SHOPSAGA_PRODUCT_CACHE_ENABLED}) reads
     *     the database every time and leaves Redis alone, to measure what the cache buys
     * @param detailTtl how long a product's cached detail may live without a change evicting it
     * @param pageTtl how long cached list pages may live without a change evicting them
     * @param retryAfter how long reads bypass Redis after it failed
     * @param keyPrefix namespace of the cache keys; blank = {@code product-cache:<database name>:}
     */
    public record Cache(@DefaultValue("true") boolean enabled, @DefaultValue("60s") Duration detailTtl,
            @DefaultValue("2s") Duration pageTtl, @DefaultValue("1s") Duration retryAfter, @DefaultValue("") String keyPrefix) {
    }
}
