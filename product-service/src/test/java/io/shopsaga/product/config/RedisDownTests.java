package io.shopsaga.product.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shopsaga.defaults.idempotency.IdempotentExecutor;
import io.shopsaga.defaults.persistence.RetryingTransactions;
import io.shopsaga.product.TestProducts;
import io.shopsaga.product.application.ProductCatalog;
import io.shopsaga.product.application.ProductPage;
import io.shopsaga.product.application.ProductView;
import io.shopsaga.product.domain.ProductChange;
import io.shopsaga.product.persistence.CacheStatus;
import io.shopsaga.product.persistence.ProductCache;
import io.shopsaga.product.persistence.ProductRepository;
import io.shopsaga.testsupport.ServiceIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue with its cache pointed at a Redis that is not there (127.0.0.1:1): every read is still
 * correct, straight from the database, and the metrics and the health indicator say the cache is degraded
 * while the service stays UP.
 */
@ServiceIntegrationTest
class RedisDownTests {

    @Autowired
    ProductRepository products;

    @Autowired
    RetryingTransactions transactions;

    @Autowired
    IdempotentExecutor idempotency;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JsonMapper json;

    @Autowired
    ProductCatalog appCatalog;

    LettuceConnectionFactory deadRedis;
    MeterRegistry meters;
    CacheStatus status;
    ProductCache cache;
    ProductCatalog catalog;

    @BeforeEach
    void pointACatalogueAtADeadRedis() {
        deadRedis = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(300)).build());
        deadRedis.afterPropertiesSet();
        deadRedis.start();
        meters = new SimpleMeterRegistry();
        status = new CacheStatus(meters, Duration.ofMillis(200), Clock.systemUTC());
        cache = new ProductCache(new StringRedisTemplate(deadRedis), json, status, "product-cache-dead:",
                Duration.ofSeconds(60), Duration.ofSeconds(2), true);
        catalog = new ProductCatalog(products, cache, transactions, idempotency, events);
    }

    @AfterEach
    void stop() {
        deadRedis.destroy();
    }

    @Test
    void readsAndChangesStayCorrectFromTheDatabase() throws InterruptedException {
        ProductView product = TestProducts.create(appCatalog, 4_000, 9);

        assertThat(catalog.product(product.id())).isEqualTo(product);
        ProductView changed = catalog.change(product.id(), new ProductChange(null, 4_500L, 8L), null);
        assertThat(changed.price()).isEqualTo(4_500);
        assertThat(catalog.product(product.id())).isEqualTo(changed);
        Thread.sleep(250); // past retryAfter: the next read tries Redis again, fails again, and still answers
        assertThat(catalog.product(product.id())).isEqualTo(changed);
        ProductPage page = catalog.page(0, 100);
        assertThat(page.totalElements()).isPositive();
        assertThat(page.content()).isNotEmpty();
    }

    @Test
    void metricsSayTheCacheIsDegradedAndCountTheFallbacks() {
        ProductView product = TestProducts.create(appCatalog, 4_000, 9);

        catalog.product(product.id());
        catalog.product(product.id());

        assertThat(meters.get(CacheStatus.AVAILABLE_METER).gauge().value()).isZero();
        assertThat(meters.get(CacheStatus.FALLBACKS_METER).counter().count()).isEqualTo(2);
        assertThat(meters.get(CacheStatus.ERRORS_METER).tag("operation", "read").counter().count()).isPositive();
    }

    @Test
    void healthStaysUpAndSaysTheCacheIsDegraded() {
        catalog.page(0, 5);

        Health health = new ProductCacheHealthIndicator(cache, status).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("cache", "DEGRADED").containsKey("lastError");
        assertThat((long) health.getDetails().get("fallbacks")).isEqualTo(1);
    }
}
