package io.shopsaga.product.config;

import io.lettuce.core.ClientOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopsaga.defaults.persistence.RetryingTransactions;
import io.shopsaga.product.application.ProductSeed;
import io.shopsaga.product.persistence.CacheStatus;
import io.shopsaga.product.persistence.ProductCache;
import io.shopsaga.product.persistence.ProductRepository;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/** Wires the Redis read cache, its health indicator and the seed. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProductProperties.class)
class ProductConfiguration {

    /**
     * Lettuce queues commands while it reconnects and lets them wait out the command timeout; for a
     * cache it is better they fail at once and the request reads the database.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    /**
     * A product's name is text: a number or boolean in its place is a wrong type (400), not something to
     * turn into the string {@code "7"} silently. The shared defaults already refuse the reverse coercions.
     */
    @Bean
    JsonMapperBuilderCustomizer strictJsonText() {
        return builder -> builder.withCoercionConfig(LogicalType.Textual, config -> config
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    @Bean
    CacheStatus productCacheStatus(MeterRegistry meters, ProductProperties properties) {
        return new CacheStatus(meters, properties.cache().retryAfter(), Clock.systemUTC());
    }

    /**
     * Cache keys are namespaced by the database the cache mirrors unless a prefix is configured: two
     * deployments (or test runs) with their own schemas sharing one Redis never read each other's rows.
     */
    @Bean
    ProductCache productCache(StringRedisTemplate redis, JsonMapper json, CacheStatus productCacheStatus,
            ProductProperties properties, JdbcClient jdbc) {
        ProductProperties.Cache cache = properties.cache();
        String prefix = cache.keyPrefix().isBlank()
                ? "product-cache:" + jdbc.sql("SELECT DATABASE()").query(String.class).single() + ":"
                : cache.keyPrefix();
        return new ProductCache(redis, json, productCacheStatus, prefix, cache.detailTtl(), cache.pageTtl(),
                cache.enabled());
    }

    @Bean
    ProductCacheHealthIndicator productCacheHealthIndicator(ProductCache productCache, CacheStatus productCacheStatus) {
        return new ProductCacheHealthIndicator(productCache, productCacheStatus);
    }

    @Bean
    ProductSeed productSeed(ProductProperties properties, ProductRepository products, RetryingTransactions transactions) {
        return new ProductSeed(properties.seed(), products, transactions);
    }
}
