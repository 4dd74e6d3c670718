package io.shopsaga.ranking.persistence;

import static io.shopsaga.ranking.TestOrders.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopsaga.ranking.ProductServiceStub.Product;
import io.shopsaga.ranking.RankingServiceIntegrationTest;
import io.shopsaga.ranking.TestClock;
import io.shopsaga.ranking.TestOrders;
import io.shopsaga.ranking.application.TopProduct;
import io.shopsaga.ranking.api.TopProductResponse;
import io.shopsaga.ranking.domain.ProductSales;
import io.shopsaga.testsupport.TestIds;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Redis side of the rankings against the real Redis: what the day sets hold, their rebuild from MySQL after a
 * flush, updates racing rebuilds, expiry, and the merged window's short reuse.
 */
class RankingCacheTests extends RankingServiceIntegrationTest {

    private static final RedisScript<Long> EXPIRETIME = RedisScript.of("return redis.call('EXPIRETIME', KEYS[1])",
            Long.class);

    @Autowired
    SalesRepository sales;

    @Autowired
    MeterRegistry meters;

    LocalDate today = TestOrders.freshDay();
    long p1 = TestIds.next();
    long p2 = TestIds.next();
    long p3 = TestIds.next();

    @BeforeEach
    void atNoon() {
        clock.set(today, LocalTime.NOON);
    }

    @Test
    void aDaysSetHoldsItsCountsAsNegativeScoresAndTheCompleteMarker() {
        record(today, LocalTime.NOON, line(p2, 3), line(p1, 1));
        record(today, LocalTime.NOON, line(p2, 2));

        rankings.top(1, 5);

        assertThat(members(cache.dayKey(today))).containsExactly(member(p2) + "=-5.0", member(p1) + "=-1.0",
                "complete=0.0");
    }

    @Test
    void aFlushedRedisIsRebuiltFromMySqlWithTheSameAnswer() {
        record(today.minusDays(2), LocalTime.NOON, line(p1, 4), line(p2, 1));
        record(today.minusDays(1), LocalTime.NOON, line(p2, 2));
        record(today, LocalTime.NOON, line(p3, 3), line(p1, 1));
        List<TopProduct> before = rankings.top(3, 5).products();
        double rebuilds = rebuilds();

        assertThat(flushRedis()).isGreaterThanOrEqualTo(4);
        List<TopProduct> after = rankings.top(3, 5).products();

        assertThat(after).isEqualTo(before);
        assertThat(after).extracting(TopProduct::productId, TopProduct::soldQuantity)
                .containsExactly(tuple(p1, 5), tuple(p2, 3), tuple(p3, 3));
        assertThat(rebuilds()).isEqualTo(rebuilds + 3);
        assertThat(members(cache.dayKey(today))).containsExactly(member(p3) + "=-3.0", member(p1) + "=-1.0",
                "complete=0.0");
    }

    /** After a flush, an update re-creates the day's set with only its own products: not complete, so rebuilt whole. */
    @Test
    void aDaysSetReCreatedByAnUpdateAfterAFlushIsRebuiltWhole() {
        record(today, LocalTime.of(9, 0), line(p1, 5), line(p2, 3));
        rankings.top(1, 5);
        flushRedis();

        record(today, LocalTime.of(10, 0), line(p3, 1));
        assertThat(members(cache.dayKey(today))).containsExactly(member(p3) + "=-1.0");

        assertThat(rankings.top(1, 5).products()).extracting(TopProduct::productId, TopProduct::soldQuantity)
                .containsExactly(tuple(p1, 5), tuple(p2, 3), tuple(p3, 1));
    }

    /**
     * The race an increment would lose: the order's counts commit, a reader rebuilds the day (seeing them), then the
     * order's own update arrives. Counts are written, not added, so it changes nothing.
     */
    @Test
    void anUpdateArrivingAfterARebuildThatSawItCountsNothingTwice() {
        record(today, LocalTime.NOON, line(p1, 2));
        flushRedis();

        assertThat(cache.rebuild(today, sales::dayTotals)).isTrue();
        cache.sync(today, sales.totals(today, List.of(p1)));
        cache.sync(today, sales.totals(today, List.of(p1)));

        assertThat(top(today)).containsExactly(new ProductSales(p1, 2));
    }

    /** The other side: a rebuild that read MySQL before a later order committed cannot undo that order's update. */
    @Test
    void aRebuildFromAnOlderReadLosesNothing() {
        record(today, LocalTime.NOON, line(p1, 2));
        Map<Long, Long> readBeforeTheSecondOrder = sales.dayTotals(today);
        record(today, LocalTime.NOON, line(p1, 3), line(p2, 1));

        assertThat(cache.rebuild(today, day -> readBeforeTheSecondOrder)).isTrue();

        assertThat(top(today)).containsExactly(new ProductSales(p1, 5), new ProductSales(p2, 1));
    }

    @Test
    void daySetsExpireAfterTheRetentionAndMergedWindowsAfterTheirTtl() {
        record(today, LocalTime.NOON, line(p1, 1));

        rankings.top(2, 5);

        long endOfRetention = TestClock.at(today.plusDays(1), LocalTime.MIDNIGHT).plus(Duration.ofDays(31))
                .getEpochSecond();
        assertThat(redis.execute(EXPIRETIME, List.of(cache.dayKey(today)))).isEqualTo(endOfRetention);
        assertThat(redis.execute(EXPIRETIME, List.of(cache.dayKey(today.minusDays(1))))).isEqualTo(endOfRetention
                - Duration.ofDays(1).toSeconds());
        assertThat(redis.getExpire(cache.windowKey(today.minusDays(1), today), TimeUnit.MILLISECONDS))
                .isBetween(1L, 1_000L);
    }

    /** The merged window is reused for up to a second, so a new order shows a moment later, well within 5 s. */
    @Test
    void aCompletedOrderShowsWithinFiveSeconds() {
        record(today, LocalTime.NOON, line(p1, 2));
        productService.knows(Product.of(p1, 100), Product.of(p2, 200));
        assertThat(ranking(topProducts(1, 5))).extracting(TopProductResponse::productId).containsExactly(p1);

        record(today, LocalTime.NOON, line(p2, 3));

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(ranking(topProducts(1, 5))).extracting(TopProductResponse::productId,
                        TopProductResponse::soldQuantity).containsExactly(tuple(p2, 3), tuple(p1, 2)));
    }

    private List<ProductSales> top(LocalDate day) {
        return cache.top(List.of(day), 100, sales::dayTotals).orElseThrow();
    }

    private List<String> members(String key) {
        return redis.opsForZSet().rangeWithScores(key, 0, -1).stream()
                .map(t -> t.getValue() + "=" + t.getScore())
                .toList();
    }

    private double rebuilds() {
        return meters.get(CacheStatus.REBUILDS_METER).counter().count();
    }

    private static String member(long productId) {
        return RankingCache.member(productId);
    }

    private static org.assertj.core.groups.Tuple tuple(long productId, long soldQuantity) {
        return org.assertj.core.groups.Tuple.tuple(productId, soldQuantity);
    }
}
