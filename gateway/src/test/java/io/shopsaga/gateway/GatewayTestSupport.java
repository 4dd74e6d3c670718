package io.shopsaga.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.shopsaga.gateway.config.DownstreamService;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one Spring context every gateway integration test shares: the gateway on a random port (its actuator on
 * another), WireMock servers
 * as the services, the real Redis for the rate limiter (under a key prefix of this run), and timeouts, breaker
 * and rate limit small enough to reach in a test. Each test starts with fresh stubs and closed circuits.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class GatewayTestSupport {

    protected static final Downstreams downstreams = Downstreams.get();

    /** Requests a user may send at once in tests; then one a minute, so that a slow test never sees a refill. */
    protected static final int RATE_LIMIT_BURST = 3;

    /** What one request costs in tests: a token comes back every second, a request's worth every minute. */
    private static final int RATE_LIMIT_REQUEST_COST = 60;

    /** Wait-for-headers timeout of every route in tests. */
    protected static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(1500);

    /** Calls after which a breaker may open in tests (all of them failed). */
    protected static final int BREAKER_WINDOW = 4;

    /** This run's namespace for rate-limit buckets in the shared Redis. */
    private static final String RATE_LIMIT_PREFIX = "gateway-test-" + Long.toHexString(System.nanoTime());

    private static final AtomicLong ids = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000));

    @LocalServerPort
    protected int port;

    @LocalManagementPort
    protected int managementPort;

    @Autowired
    protected CircuitBreakerRegistry breakers;

    protected WebTestClient client;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        for (DownstreamService service : DownstreamService.values()) {
            registry.add("shopsaga.gateway.services." + service.id(), () -> downstreams.url(service));
        }
        registry.add("management.server.port", () -> 0);
        registry.add("shopsaga.gateway.timeouts.response", () -> RESPONSE_TIMEOUT.toMillis() + "ms");
        registry.add("shopsaga.gateway.timeouts.response-per-service.order", () -> RESPONSE_TIMEOUT.toMillis() + "ms");
        registry.add("resilience4j.circuitbreaker.configs.default.sliding-window-size", () -> BREAKER_WINDOW);
        registry.add("resilience4j.circuitbreaker.configs.default.minimum-number-of-calls", () -> BREAKER_WINDOW);
        registry.add("resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state", () -> "60s");
        registry.add("resilience4j.circuitbreaker.configs.default.automatic-transition-from-open-to-half-open-enabled",
                () -> false);
        URI redis = URI.create(System.getenv().getOrDefault("SHOPSAGA_REDIS_URL", "redis://127.0.0.1:6379"));
        registry.add("spring.data.redis.host", redis::getHost);
        registry.add("spring.data.redis.port", redis::getPort);
        registry.add("shopsaga.gateway.coupon-rate-limit.key-prefix", () -> RATE_LIMIT_PREFIX);
        registry.add("shopsaga.gateway.coupon-rate-limit.replenish-rate", () -> 1);
        registry.add("shopsaga.gateway.coupon-rate-limit.burst-capacity", () -> RATE_LIMIT_BURST * RATE_LIMIT_REQUEST_COST);
        registry.add("shopsaga.gateway.coupon-rate-limit.requested-tokens", () -> RATE_LIMIT_REQUEST_COST);
        registry.add("shopsaga.gateway.coupon-rate-limit.redis-timeout", () -> "2s");
    }

    @BeforeEach
    void freshDownstreamsAndClosedCircuits() {
        for (DownstreamService service : DownstreamService.values()) {
            downstreams.start(service);
        }
        downstreams.resetAll();
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(15)).build();
    }

    /** A user id no other test (or earlier run) has used, so rate-limit buckets never collide. */
    protected static long newUserId() {
        return ids.incrementAndGet();
    }

    protected String url(String pathAndQuery) {
        return "http://127.0.0.1:" + port + pathAndQuery;
    }
}
