package io.shopsaga.ranking.config;

import static io.shopsaga.ranking.TestOrders.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shopsaga.defaults.persistence.RetryingTransactions;
import io.shopsaga.ranking.ProductServiceStub.Product;
import io.shopsaga.ranking.RankingServiceIntegrationTest;
import io.shopsaga.ranking.TestClock;
import io.shopsaga.ranking.TestOrders;
import io.shopsaga.ranking.application.RankingQueries;
import io.shopsaga.ranking.application.SalesRecorder;
import io.shopsaga.ranking.application.TopProducts;
import io.shopsaga.ranking.domain.KeptDays;
import io.shopsaga.ranking.persistence.CacheStatus;
import io.shopsaga.ranking.persistence.ProductSnapshotRepository;
import io.shopsaga.ranking.persistence.RankingCache;
import io.shopsaga.ranking.persistence.SalesRepository;
import io.shopsaga.testsupport.TestIds;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The rankings with a Redis that is not there (127.0.0.1:1), or that goes away and comes back: orders are still
 * counted, answers are still right (from MySQL), the metrics and health say the cache is degraded, and a day whose
 * update Redis missed is rebuilt once Redis answers again.
 */
class RedisDownTests extends RankingServiceIntegrationTest {

    @Autowired
    SalesRepository sales;

    @Autowired
    ProductSnapshotRepository snapshots;

    @Autowired
    RetryingTransactions transactions;

    @Value("${spring.data.redis.url}")
    String redisUrl;

    LocalDate today = TestOrders.freshDay();
    long p1 = TestIds.next();
    long p2 = TestIds.next();
    LettuceConnectionFactory connections;
    MeterRegistry meters = new SimpleMeterRegistry();
    CacheStatus status;
    RankingCache otherCache;

    @AfterEach
    void stop() {
        if (connections != null) {
            connections.destroy();
        }
    }

    @Test
    void countsAndAnswersFromMySqlWhileRedisIsDown() {
        // Left alone for 5 s after the first failure: the second order does not even try Redis.
        use("127.0.0.1", 1, "ranking-dead:", Duration.ofSeconds(5));
        SalesRecorder deadRecorder = recorder();
        clock.set(today, LocalTime.NOON);
        productService.knows(Product.of(p1, 10), Product.of(p2, 20));

        assertThat(deadRecorder.record(TestOrders.order(TestClock.at(today, LocalTime.of(8, 0)), line(p1, 2),
                line(p2, 3)))).isTrue();
        assertThat(deadRecorder.record(TestOrders.order(TestClock.at(today.minusDays(1), LocalTime.of(8, 0)),
                line(p1, 4)))).isTrue();
        TopProducts fromMySql = queries().top(2, 5);

        assertThat(fromMySql.products()).extracting(p -> p.productId() + ":" + p.soldQuantity() + ":" + p.name())
                .containsExactly(p1 + ":6:Catalog " + p1, p2 + ":3:Catalog " + p2);
        assertThat(fromMySql.fromLocalCopy()).isFalse();
        assertThat(rankings.top(2, 5)).isEqualTo(fromMySql);
        assertThat(otherCache.pendingDays()).isEqualTo(2);
        assertThat(meters.get(CacheStatus.AVAILABLE_METER).gauge().value()).isZero();
        assertThat(meters.get(CacheStatus.FALLBACKS_METER).counter().count()).isEqualTo(1);
        assertThat(meters.get(CacheStatus.ERRORS_METER).tag("operation", "write").counter().count()).isEqualTo(1);
    }

    @Test
    void healthStaysUpAndSaysTheCacheIsDegraded() {
        use("127.0.0.1", 1, "ranking-dead:", Duration.ofSeconds(5));
        clock.set(today, LocalTime.NOON);
        queries().top(1, 5);

        Health health = new RankingCacheHealthIndicator(otherCache, status).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("cache", "DEGRADED").containsEntry("fallbacks", 1L)
                .containsKey("lastError");
    }

    /** An update Redis missed leaves its day pending; once Redis answers, the day is rebuilt before it is read. */
    @Test
    void aDayWhoseUpdateRedisMissedIsRebuiltOnceItAnswers() {
        URI redisAddress = URI.create(redisUrl);
        use(redisAddress.getHost(), redisAddress.getPort(), cache.prefix() + "outage:", Duration.ofMillis(200));
        SalesRecorder recorder = recorder();
        clock.set(today, LocalTime.NOON);
        productService.knows(Product.of(p1, 10));
        recorder.record(TestOrders.order(TestClock.at(today, LocalTime.of(8, 0)), line(p1, 2)));
        assertThat(queries().top(1, 5).products()).hasSize(1);
        connections.stop();

        recorder.record(TestOrders.order(TestClock.at(today, LocalTime.of(9, 0)), line(p1, 5), line(p2, 1)));
        assertThat(otherCache.pendingDays()).isEqualTo(1);
        connections.start();
        sleepPast(Duration.ofMillis(200));
        otherCache.repairPending(sales::dayTotals);

        assertThat(otherCache.pendingDays()).isZero();
        assertThat(redis.opsForZSet().rangeWithScores(otherCache.dayKey(today), 0, -1))
                .extracting(t -> t.getValue() + "=" + t.getScore())
                .containsExactly(padded(p1) + "=-7.0", padded(p2) + "=-1.0", "complete=0.0");
    }

    private static String padded(long productId) {
        return String.format("%019d", productId);
    }

    private void use(String host, int port, String prefix, Duration retryAfter) {
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, port),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(300)).build());
        connections.afterPropertiesSet();
        connections.start();
        status = new CacheStatus(meters, retryAfter, Clock.systemUTC());
        otherCache = new RankingCache(new StringRedisTemplate(connections), status, prefix, TestClock.SEOUL,
                Duration.ofDays(31), Duration.ofSeconds(1));
    }

    private SalesRecorder recorder() {
        return new SalesRecorder(sales, snapshots, otherCache, transactions, TestClock.SEOUL, new KeptDays(40), clock,
                new SimpleMeterRegistry());
    }

    private RankingQueries queries() {
        return new RankingQueries(otherCache, sales, snapshots, catalog, clock, TestClock.SEOUL, Duration.ZERO);
    }

    private static void sleepPast(Duration duration) {
        try {
            Thread.sleep(duration.toMillis() + 50);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
