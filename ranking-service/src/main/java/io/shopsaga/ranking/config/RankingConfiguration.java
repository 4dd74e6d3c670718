package io.shopsaga.ranking.config;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.lettuce.core.ClientOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopsaga.contracts.Topics;
import io.shopsaga.defaults.messaging.TopicsToCreate;
import io.shopsaga.defaults.persistence.RetryingTransactions;
import io.shopsaga.ranking.application.ProductCatalog;
import io.shopsaga.ranking.application.RankingCacheRepair;
import io.shopsaga.ranking.application.RankingQueries;
import io.shopsaga.ranking.application.SalesRecorder;
import io.shopsaga.ranking.application.SalesRetention;
import io.shopsaga.ranking.persistence.CacheStatus;
import io.shopsaga.ranking.persistence.ProductSnapshotRepository;
import io.shopsaga.ranking.persistence.RankingCache;
import io.shopsaga.ranking.persistence.SalesRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.EnableScheduling;

/** ranking-service's wiring. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RankingProperties.class)
@EnableFeignClients(basePackages = "io.shopsaga.ranking.catalog")
@EnableScheduling
public class RankingConfiguration {

    /** "Today" of the rankings; tests replace it to drive the calendar. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Lettuce queues commands while it reconnects and lets them wait out the command timeout; here it is better they
     * fail at once and the ranking is read from MySQL.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    @Bean
    CacheStatus rankingCacheStatus(MeterRegistry meters, RankingProperties properties) {
        return new CacheStatus(meters, properties.cache().retryAfter(), Clock.systemUTC());
    }

    /**
     * Keys are namespaced by the database the sets mirror unless a prefix is configured: two deployments (or test
     * runs) with their own schemas sharing one Redis never read each other's counts.
     */
    @Bean
    RankingCache rankingCache(StringRedisTemplate redis, CacheStatus rankingCacheStatus, RankingProperties properties,
            JdbcClient jdbc) {
        RankingProperties.Cache cache = properties.cache();
        String prefix = cache.keyPrefix().isBlank()
                ? "ranking:" + jdbc.sql("SELECT DATABASE()").query(String.class).single() + ":"
                : cache.keyPrefix();
        return new RankingCache(redis, rankingCacheStatus, prefix, properties.zone(), cache.dayRetention(),
                cache.mergedTtl());
    }

    @Bean
    RankingCacheHealthIndicator rankingCacheHealthIndicator(RankingCache rankingCache, CacheStatus rankingCacheStatus) {
        return new RankingCacheHealthIndicator(rankingCache, rankingCacheStatus);
    }

    @Bean
    SalesRecorder salesRecorder(SalesRepository sales, ProductSnapshotRepository snapshots, RankingCache rankingCache,
            RetryingTransactions transactions, RankingProperties properties, Clock clock, MeterRegistry meters) {
        return new SalesRecorder(sales, snapshots, rankingCache, transactions, properties.zone(),
                properties.store().keptDays(), clock, meters);
    }

    @Bean
    SalesRetention salesRetention(SalesRepository sales, RankingProperties properties, Clock clock,
            MeterRegistry meters) {
        return new SalesRetention(sales, properties.store().keptDays(), clock, properties.zone(), meters);
    }

    @Bean
    RankingQueries rankingQueries(RankingCache rankingCache, SalesRepository sales, ProductSnapshotRepository snapshots,
            ProductCatalog catalog, Clock clock, RankingProperties properties) {
        return new RankingQueries(rankingCache, sales, snapshots, catalog, clock, properties.zone(),
                properties.cache().answerTtl());
    }

    @Bean
    RankingCacheRepair rankingCacheRepair(RankingCache rankingCache, SalesRepository sales) {
        return new RankingCacheRepair(rankingCache, sales);
    }

    /**
     * product-service's breaker: opens when half of the last 20 calls (at least 10) failed or were slow, and tries
     * again after 5 s; a call taking longer than {@code shopsaga.ranking.product-service-timeout} counts as failed.
     */
    @Bean
    Customizer<Resilience4JCircuitBreakerFactory> productServiceBreaker(RankingProperties properties) {
        return factory -> factory.configure(builder -> builder
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowSize(20)
                        .minimumNumberOfCalls(10)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(Duration.ofSeconds(5))
                        .build())
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(properties.productServiceTimeout()).build()),
                "product-service");
    }

    /**
     * The topic this service reads and its dead-letter topic, created when missing (order-service creates them too;
     * whichever starts first does, and an existing topic is left as it is).
     */
    @Bean
    KafkaAdmin.NewTopics orderEventTopics(RankingProperties properties) {
        return TopicsToCreate.withDeadLetters(properties.topicPartitions(), List.of(Topics.ORDER_EVENTS));
    }
}
