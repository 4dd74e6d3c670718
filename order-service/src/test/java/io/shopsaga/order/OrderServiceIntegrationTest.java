package io.shopsaga.order;

import static org.awaitility.Awaitility.await;

import io.shopsaga.testsupport.HttpApi;
import io.shopsaga.testsupport.ServiceIntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one context of order-service's integration tests: the service against the real database and Kafka broker,
 * product-service stood in by {@link TestProductService}, the saga's participants by {@link SimulatedParticipants}.
 * Every integration test class extends this and adds no configuration of its own, so the context is shared.
 */
@ServiceIntegrationTest
@Import(SimulatedParticipants.class)
public abstract class OrderServiceIntegrationTest {

    private static volatile boolean listening;

    @LocalServerPort
    int port;

    @Autowired
    protected SimulatedParticipants participants;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    protected HttpApi api;

    @DynamicPropertySource
    static void productService(DynamicPropertyRegistry registry) {
        registry.add("shopsaga.order.product-service-url", () -> TestProductService.get().url());
    }

    @BeforeEach
    void connect() {
        api = HttpApi.onPort(port);
        if (!listening) {
            // Until every consumer has its partitions, the first messages would wait for a rebalance.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> listeners.getListenerContainers().stream()
                            .allMatch(c -> c.getAssignedPartitions() != null && !c.getAssignedPartitions().isEmpty()));
            listening = true;
        }
    }

    protected static String order(long userId, long productId, int quantity, Long couponId) {
        return "{\"userId\":" + userId + ",\"items\":[{\"productId\":" + productId + ",\"quantity\":" + quantity
                + "}],\"issuedCouponId\":" + couponId + "}";
    }

    protected static Map<String, String> waitFor(int seconds) {
        return Map.of("Prefer", "wait=" + seconds);
    }
}
