package io.shopsaga.order.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * order-service settings ({@code shopsaga.order.*}).
 *
 * @param stepTimeout how long a saga step waits for its participant's reply before the order is compensated and
 *     FAILED with SAGA_TIMEOUT; also the interval at which an unanswered compensation is sent again
 * @param timeoutScanInterval how often the deadlines are checked
 * @param waitPollInterval how often a client waiting with {@code Prefer: wait} re-reads its order, in case another
 *     instance finished the saga
 * @param productServiceUrl where product-service's internal batch read is
 * @param productServiceTimeout how long a price lookup may take before it counts as failed (503)
 * @param topicPartitions partitions of the saga topics this service creates when they are missing
 */
@ConfigurationProperties("shopsaga.order")
public record OrderProperties(@DefaultValue("10s") Duration stepTimeout,
        @DefaultValue("1s") Duration timeoutScanInterval, @DefaultValue("500ms") Duration waitPollInterval,
        @DefaultValue("http://localhost:8082") String productServiceUrl,
        @DefaultValue("3s") Duration productServiceTimeout, @DefaultValue("3") int topicPartitions) {
}
