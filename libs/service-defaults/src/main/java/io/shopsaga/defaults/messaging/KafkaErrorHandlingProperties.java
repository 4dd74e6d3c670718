package io.shopsaga.defaults.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How listeners retry a failing record before dead-lettering it ({@code shopsaga.kafka.*}).
 *
 * @param retries attempts after the first one
 * @param retryBackoff the first pause; each further pause doubles, up to {@code maxBackoff}
 * @param infrastructureRetryFor how long a record keeps being retried (same backoff) while the failure is the
 *     service's own infrastructure being unavailable (database down, no connection): such a record is not bad, so
 *     it waits for the database instead of going to the dead-letter topic after a few seconds
 */
@ConfigurationProperties("shopsaga.kafka")
public record KafkaErrorHandlingProperties(@DefaultValue("3") int retries, @DefaultValue("200ms") Duration retryBackoff,
        @DefaultValue("5s") Duration maxBackoff, @DefaultValue("30m") Duration infrastructureRetryFor) {
}
