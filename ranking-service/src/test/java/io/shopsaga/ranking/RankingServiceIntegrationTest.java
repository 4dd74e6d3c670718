package io.shopsaga.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shopsaga.ranking.api.TopProductResponse;
import io.shopsaga.ranking.application.ProductCatalog;
import io.shopsaga.ranking.application.RankingQueries;
import io.shopsaga.ranking.application.SalesRecorder;
import io.shopsaga.ranking.domain.CompletedOrder;
import io.shopsaga.ranking.domain.CompletedOrder.SoldLine;
import io.shopsaga.ranking.persistence.RankingCache;
import io.shopsaga.testsupport.HttpApi;
import io.shopsaga.testsupport.ServiceIntegrationTest;
import io.shopsaga.testsupport.TestIds;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one context of ranking-service's integration tests: the service against the real database, Redis and Kafka
 * broker, its clock driven by the tests ({@link TestClock}), product-service stood in by {@link ProductServiceStub}.
 * Every integration test class extends this and adds no configuration of its own, so the context is shared. Tests
 * keep apart by their days ({@link TestOrders#freshDay()}) and ids.
 */
@ServiceIntegrationTest
@Import(RankingTestConfiguration.class)
public abstract class RankingServiceIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static volatile boolean warm;

    @LocalServerPort
    int port;

    @Autowired
    protected TestClock clock;

    @Autowired
    protected SalesRecorder recorder;

    @Autowired
    protected RankingQueries rankings;

    @Autowired
    protected RankingCache cache;

    @Autowired
    protected StringRedisTemplate redis;

    @Autowired
    Resilience4JCircuitBreakerFactory breakers;

    @Autowired
    protected ProductCatalog catalog;

    protected final ProductServiceStub productService = ProductServiceStub.get();

    protected HttpApi api;

    @DynamicPropertySource
    static void productService(DynamicPropertyRegistry registry) {
        registry.add("shopsaga.ranking.product-service-url", () -> ProductServiceStub.get().url());
    }

    @BeforeEach
    void connect() {
        api = HttpApi.onPort(port);
        warmUpProductService();
    }

    /**
     * The very first call through Feign and the breaker pays for class loading and connection set-up, which on a
     * busy machine can exceed the time limit; tests about names make their calls on a warm path.
     */
    private void warmUpProductService() {
        if (warm) {
            return;
        }
        long id = TestIds.next();
        productService.knows(ProductServiceStub.Product.of(id, 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> catalog.find(List.of(id)).isPresent());
        resetProductService();
        warm = true;
    }

    /** A test that made product-service fail leaves neither its stubs nor an open circuit to the next. */
    @AfterEach
    void resetProductService() {
        productService.reset();
        breakers.getCircuitBreakerRegistry().find("product-service").ifPresent(b -> b.reset());
    }

    /** Counts an order completed at {@code time} (Seoul) of {@code day}, as the listener would. */
    protected CompletedOrder record(LocalDate day, LocalTime time, SoldLine... lines) {
        CompletedOrder order = TestOrders.order(TestClock.at(day, time), lines);
        assertThat(recorder.record(order)).isTrue();
        return order;
    }

    /** Removes every ranking key of this run from Redis, as a flush or a Redis restart would. */
    protected int flushRedis() {
        return RankingKeys.delete(redis, cache.prefix());
    }

    protected HttpApi.Response topProducts(int days, int limit) {
        return api.get("/api/v1/rankings/top-products?days=" + days + "&limit=" + limit);
    }

    protected static List<TopProductResponse> ranking(HttpApi.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return List.of(JSON.readValue(response.body(), TopProductResponse[].class));
    }

    protected static void assertProblem(HttpApi.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("code").asString()).isEqualTo(code);
        assertThat(response.json().get("title").asString()).isNotBlank();
    }
}
