package io.shopsaga.ranking.config;

import io.shopsaga.ranking.domain.KeptDays;
import java.time.Duration;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of ranking-service ({@code shopsaga.ranking.*}).
 *
 * @param zone the zone whose calendar days the rankings count in (env {@code SHOPSAGA_RANKING_ZONE})
 * @param productServiceUrl where product-service's internal batch read is (env {@code PRODUCT_SERVICE_URL})
 * @param productServiceTimeout how long a name lookup may take before the local copy is shown instead
 * @param topicPartitions partitions of {@code order.events.v1} when this service creates it
 * @param cache the Redis sorted sets
 * @param store the counts kept in MySQL
 */
@ConfigurationProperties("shopsaga.ranking")
public record RankingProperties(@DefaultValue("Asia/Seoul") ZoneId zone,
        @DefaultValue("http://localhost:8082") String productServiceUrl,
        @DefaultValue("1s") Duration productServiceTimeout, @DefaultValue("3") int topicPartitions,
        @DefaultValue Cache cache, @DefaultValue Store store) {

    /**
     * @param retention how long a day's counts and its counted orders are kept after the day; at least 31 days (the
     *     longest window is 30). An order completed on an older day is no longer counted.
     * @param pruneInterval how often days older than that are deleted
     */
    public record Store(@DefaultValue("40d") Duration retention, @DefaultValue("1h") Duration pruneInterval) {

        public Store {
            if (retention.compareTo(Duration.ofDays(31)) < 0) {
                throw new IllegalArgumentException("shopsaga.ranking.store.retention must be at least 31d: the "
                        + "longest window is 30 days");
            }
            if (pruneInterval.toMillis() < 1) {
                throw new IllegalArgumentException("shopsaga.ranking.store.prune-interval must be at least 1ms");
            }
        }

        public KeptDays keptDays() {
            return new KeptDays(retention.toDays());
        }
    }

    /**
     * @param mergedTtl how long a window's merged set is reused (a completed order shows within about this long)
     * @param dayRetention how long a day's set lives after the day ended; at least the longest window (30 days)
     * @param retryAfter how long Redis is left alone after a failure
     * @param keyPrefix namespace of the keys; blank = {@code ranking:<database name>:}
     * @param answerTtl how long a whole answer (counts, names and prices) is reused for the same question; 0 = never
     */
    public record Cache(@DefaultValue("1s") Duration mergedTtl, @DefaultValue("31d") Duration dayRetention,
            @DefaultValue("1s") Duration retryAfter, @DefaultValue("") String keyPrefix,
            @DefaultValue("1s") Duration answerTtl) {

        public Cache {
            if (mergedTtl.toMillis() < 1) {
                throw new IllegalArgumentException("shopsaga.ranking.cache.merged-ttl must be at least 1ms");
            }
            if (dayRetention.compareTo(Duration.ofDays(30)) < 0) {
                throw new IllegalArgumentException("shopsaga.ranking.cache.day-retention must cover the longest "
                        + "window (30 days)");
            }
        }
    }
}
