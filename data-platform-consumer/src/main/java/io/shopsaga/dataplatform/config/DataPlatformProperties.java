package io.shopsaga.dataplatform.config;

import io.shopsaga.dataplatform.domain.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * data-platform-consumer settings ({@code shopsaga.data-platform.*}).
 *
 * @param url the platform's base URL ({@code DATA_PLATFORM_URL})
 * @param ordersPath where completed orders are POSTed, relative to {@code url}
 * @param connectTimeout how long a connection to the platform may take
 * @param readTimeout how long the platform may take to answer a POST
 * @param maxAttempts attempts per round, the first one included, before a delivery is FAILED
 * @param initialBackoff the pause after the first failed attempt
 * @param backoffMultiplier how each further pause grows
 * @param maxBackoff the longest pause
 * @param pollInterval how often the sender looks for due deliveries when nothing wakes it (newly stored orders do)
 * @param batchSize deliveries claimed and sent (concurrently) per round
 * @param claimTimeout how long a claimed delivery stays with its sender; must exceed connect + read timeout, since
 *     after it another round (of any instance) may send the same order again
 * @param topicPartitions partitions of {@code order.events.v1} when this service is the first to create it (keep it
 *     equal to order-service's)
 */
@ConfigurationProperties("shopsaga.data-platform")
public record DataPlatformProperties(@DefaultValue("http://localhost:8089") URI url,
        @DefaultValue("/orders") String ordersPath, @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout, @DefaultValue("10") int maxAttempts,
        @DefaultValue("1s") Duration initialBackoff, @DefaultValue("2.0") double backoffMultiplier,
        @DefaultValue("5m") Duration maxBackoff, @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("20") int batchSize, @DefaultValue("1m") Duration claimTimeout,
        @DefaultValue("3") int topicPartitions) {

    public DataPlatformProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("shopsaga.data-platform.batch-size must be at least 1: " + batchSize);
        }
        if (claimTimeout.compareTo(connectTimeout.plus(readTimeout)) <= 0) {
            throw new IllegalArgumentException("shopsaga.data-platform.claim-timeout (" + claimTimeout
                    + ") must exceed connect-timeout + read-timeout (" + connectTimeout.plus(readTimeout) + ")");
        }
        new RetryPolicy(maxAttempts, initialBackoff, backoffMultiplier, maxBackoff); // fails start-up if invalid
    }

    /** The retry policy these settings describe. */
    public RetryPolicy retryPolicy() {
        return new RetryPolicy(maxAttempts, initialBackoff, backoffMultiplier, maxBackoff);
    }
}
