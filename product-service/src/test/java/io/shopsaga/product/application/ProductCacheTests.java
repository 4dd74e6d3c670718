package io.shopsaga.product.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shopsaga.product.TestProducts;
import io.shopsaga.product.domain.ProductChange;
import io.shopsaga.product.persistence.CacheStatus;
import io.shopsaga.product.persistence.ProductCache;
import io.shopsaga.product.persistence.ProductRepository;
import io.shopsaga.testsupport.HttpApi;
import io.shopsaga.testsupport.ServiceIntegrationTest;
import io.shopsaga.testsupport.TestIds;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Redis read cache: it serves reads, and every change (operator's or a reservation's) shows within 2 s. */
@ServiceIntegrationTest
class ProductCacheTests {

    private static final Duration FRESHNESS = Duration.ofSeconds(2);

    @LocalServerPort
    int port;

    @Autowired
    ProductCatalog catalog;

    @Autowired
    StockReservations reservations;

    @Autowired
    ProductCache cache;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProductRepository products;

    HttpApi api;

    @BeforeEach
    void setUp() {
        api = HttpApi.onPort(port);
    }

    @Test
    void readsAreServedFromTheCacheOnceWarm() {
        ProductView product = TestProducts.create(catalog, 1_000, 5);
        api.get("/api/v1/products/" + product.id());

        // Behind the service's back: no eviction, so the cached copy is what a reader gets.
        jdbc.sql("UPDATE product SET price = 1 WHERE id = :id").param("id", product.id()).update();

        assertThat(api.get("/api/v1/products/" + product.id()).json().get("price").asLong()).isEqualTo(1_000);
        assertThat(redis.hasKey(cache.prefix() + "product:" + product.id())).isTrue();
    }

    @Test
    void anOperatorsChangeShowsInDetailAndListWithinTwoSeconds() {
        ProductView product = TestProducts.create(catalog, 1_000, 5);
        String detail = "/api/v1/products/" + product.id();
        String page = pageOf(product.id());
        assertThat(api.get(detail).json().get("price").asLong()).isEqualTo(1_000);
        assertThat(findIn(page, product.id()).get("price").asLong()).isEqualTo(1_000);

        api.send("PATCH", detail, "{\"price\":2500,\"name\":\"Fresh name\"}", Map.of("Content-Type", "application/json"));

        await().atMost(FRESHNESS).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            assertThat(api.get(detail).json().get("price").asLong()).isEqualTo(2_500);
            assertThat(findIn(page, product.id()).get("name").asString()).isEqualTo("Fresh name");
        });
    }

    @Test
    void aReservationAndItsReleaseShowInDetailAndListWithinTwoSeconds() {
        ProductView product = TestProducts.create(catalog, 1_000, 5);
        String detail = "/api/v1/products/" + product.id();
        String page = pageOf(product.id());
        api.get(detail);
        api.get(page);
        long order = TestIds.next();

        reservations.reserve(order, Map.of(product.id(), 2));

        await().atMost(FRESHNESS).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            assertThat(api.get(detail).json().get("stock").asLong()).isEqualTo(3);
            assertThat(findIn(page, product.id()).get("stock").asLong()).isEqualTo(3);
        });

        reservations.release(order);

        await().atMost(FRESHNESS).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            assertThat(api.get(detail).json().get("stock").asLong()).isEqualTo(5);
            assertThat(findIn(page, product.id()).get("stock").asLong()).isEqualTo(5);
        });
    }

    @Test
    void aNewProductShowsInTheListAtOnce() {
        api.get("/api/v1/products?page=0&size=100");
        long total = api.get("/api/v1/products?page=0&size=1").json().get("totalElements").asLong();

        TestProducts.create(catalog, 1);

        assertThat(api.get("/api/v1/products?page=0&size=1").json().get("totalElements").asLong()).isEqualTo(total + 1);
    }

    @Test
    void aReadThatRacesAChangeDoesNotPutTheOldRowBackIntoTheCache() {
        ProductView product = TestProducts.create(catalog, 1_000, 5);

        // The reader reads the row, then a change commits and evicts before the reader stores what it read.
        ProductView raced = cache.product(product.id(), () -> {
            ProductView read = products.find(product.id()).orElseThrow();
            catalog.change(product.id(), new ProductChange(null, 2_000L, null), null);
            return read;
        });

        assertThat(raced.price()).isEqualTo(1_000);
        assertThat(api.get("/api/v1/products/" + product.id()).json().get("price").asLong())
                .as("the racing read must not have been cached").isEqualTo(2_000);
    }

    @Test
    void anEvictionLostToARedisFailureIsDoneBeforeRedisIsReadAgain() throws InterruptedException {
        ProductView product = TestProducts.create(catalog, 1_000, 5);
        AtomicBoolean scriptsFail = new AtomicBoolean();
        StringRedisTemplate flakyRedis = new StringRedisTemplate(redis.getRequiredConnectionFactory()) {
            @Override
            public <T> T execute(RedisScript<T> script, List<String> keys, Object... args) {
                if (scriptsFail.get()) {
                    throw new RedisConnectionFailureException("injected: Redis unreachable");
                }
                return super.execute(script, keys, args);
            }
        };
        CacheStatus status = new CacheStatus(new SimpleMeterRegistry(), Duration.ofMillis(100), Clock.systemUTC());
        ProductCache flaky = new ProductCache(flakyRedis, json, status, "product-cache-flaky-" + TestIds.next() + ":",
                Duration.ofSeconds(60), Duration.ofSeconds(2), true);
        assertThat(flaky.product(product.id(), () -> products.find(product.id()).orElseThrow()).price()).isEqualTo(1_000);

        catalog.change(product.id(), new ProductChange(null, 2_000L, null), null);
        scriptsFail.set(true);
        flaky.evict(List.of(product.id()));
        scriptsFail.set(false);
        Thread.sleep(150);

        assertThat(flaky.product(product.id(), () -> products.find(product.id()).orElseThrow()).price()).isEqualTo(2_000);
        assertThat(status.failures()).isEqualTo(1);
        assertThat(status.available()).isTrue();
    }

    @Test
    void aSwitchedOffCacheReadsTheDatabaseEveryTimeAndLeavesRedisAlone() {
        ProductView product = TestProducts.create(catalog, 1_000, 5);
        CacheStatus status = new CacheStatus(new SimpleMeterRegistry(), Duration.ofSeconds(1), Clock.systemUTC());
        ProductCache off = new ProductCache(redis, json, status, "product-cache-off-test:", Duration.ofSeconds(60),
                Duration.ofSeconds(2), false);
        AtomicInteger loads = new AtomicInteger();

        off.product(product.id(), () -> {
            loads.incrementAndGet();
            return product;
        });
        off.product(product.id(), () -> {
            loads.incrementAndGet();
            return product;
        });
        off.evict(List.of(product.id()));

        assertThat(loads).hasValue(2);
        assertThat(redis.hasKey("product-cache-off-test:product:" + product.id())).isFalse();
        assertThat(status.available()).isFalse();
        assertThat(status.failures()).isZero();
    }

    /** The list page (size 100) that holds the product, by its position in id order. */
    private String pageOf(long productId) {
        long before = jdbc.sql("SELECT COUNT(*) FROM product WHERE id < :id").param("id", productId)
                .query(Long.class).single();
        return "/api/v1/products?page=" + before / 100 + "&size=100";
    }

    private JsonNode findIn(String page, long productId) {
        for (JsonNode p : api.get(page).json().get("content")) {
            if (p.get("id").asLong() == productId) {
                return p;
            }
        }
        throw new AssertionError("product " + productId + " not on " + page);
    }
}
