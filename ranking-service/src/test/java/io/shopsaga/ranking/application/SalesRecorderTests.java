package io.shopsaga.ranking.application;

import static io.shopsaga.ranking.TestOrders.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopsaga.ranking.RankingServiceIntegrationTest;
import io.shopsaga.ranking.TestClock;
import io.shopsaga.ranking.TestOrders;
import io.shopsaga.ranking.domain.CompletedOrder;
import io.shopsaga.ranking.domain.CompletedOrder.SoldLine;
import io.shopsaga.ranking.persistence.ProductSnapshotRepository;
import io.shopsaga.testsupport.TestIds;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counting a batch of completed orders in one transaction: still each order exactly once, in MySQL and in the Redis
 * sets, whether it is named twice in the batch or was counted in an earlier one; names and prices from the latest
 * order; orders of days no longer kept left out; a batch that fails leaves nothing behind.
 */
class SalesRecorderTests extends RankingServiceIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ProductSnapshotRepository snapshots;

    LocalDate today = TestOrders.freshDay();
    long p1 = TestIds.next();
    long p2 = TestIds.next();

    @BeforeEach
    void noon() {
        clock.set(today, LocalTime.NOON);
    }

    @Test
    void countsEachOrderOfABatchOnceThoughItIsNamedTwiceOrWasCountedBefore() {
        CompletedOrder earlier = record(today, LocalTime.of(8, 0), line(p1, 2));
        CompletedOrder twice = order(today, LocalTime.of(9, 0), line(p1, 1), line(p2, 3));
        CompletedOrder yesterdays = order(today.minusDays(1), LocalTime.of(10, 0), line(p2, 5));
        CompletedOrder last = order(today, LocalTime.of(11, 0), line(p1, 4), line(p1, 1));
        double counted = events("counted");
        double duplicates = events("duplicate");

        assertThat(recorder.record(List.of(twice, earlier, yesterdays, twice, last))).isEqualTo(3);

        assertThat(sold(today, p1)).isEqualTo(2 + 1 + 5);
        assertThat(sold(today, p2)).isEqualTo(3);
        assertThat(sold(today.minusDays(1), p2)).isEqualTo(5);
        assertThat(daySet(today)).containsExactly(padded(p1) + "=-8.0", padded(p2) + "=-3.0");
        assertThat(daySet(today.minusDays(1))).containsExactly(padded(p2) + "=-5.0");
        assertThat(events("counted") - counted).isEqualTo(3);
        assertThat(events("duplicate") - duplicates).isEqualTo(2);

        // The whole batch delivered again counts nothing more.
        assertThat(recorder.record(List.of(twice, yesterdays, last))).isZero();
        assertThat(sold(today, p1)).isEqualTo(8);
        assertThat(daySet(today)).containsExactly(padded(p1) + "=-8.0", padded(p2) + "=-3.0");
        assertThat(events("counted") - counted).isEqualTo(3);
        assertThat(events("duplicate") - duplicates).isEqualTo(5);
    }

    @Test
    void repairsTheRedisSetOfADuplicate() {
        CompletedOrder order = record(today, LocalTime.of(8, 0), line(p1, 2));
        redis.delete(cache.dayKey(today));

        assertThat(recorder.record(List.of(order))).isZero();

        assertThat(daySet(today)).containsExactly(padded(p1) + "=-2.0");
    }

    @Test
    void keepsEachProductsNameAndPriceFromTheLatestOrderOfABatch() {
        record(today, LocalTime.of(10, 0), line(p1, "Tea", 5_000, 1), line(p2, "Cup", 9_000, 1));
        CompletedOrder later = order(today, LocalTime.of(11, 0), line(p1, "Tea, 2nd edition", 5_500, 1));
        CompletedOrder older = order(today, LocalTime.of(9, 0), line(p1, "Tea, 1st edition", 4_000, 1),
                line(p2, "Old cup", 8_000, 1));
        CompletedOrder sameTime = order(today, LocalTime.of(11, 0), line(p1, "Tea, 3rd edition", 6_000, 1));

        recorder.record(List.of(later, older, sameTime));

        // As if saved one after the other: the latest completion wins, and of two at the same time the later named.
        assertThat(snapshots.find(List.of(p1, p2)).values()).containsExactlyInAnyOrder(
                new ProductDetails(p1, "Tea, 3rd edition", 6_000), new ProductDetails(p2, "Cup", 9_000));
    }

    @Test
    void leavesOutTheOrdersOfABatchOlderThanTheKeptDays() {
        // 40 days are kept: today minus 40 is the first kept day.
        LocalDate gone = today.minusDays(41);
        CompletedOrder old = order(gone, LocalTime.NOON, line(p1, 7));
        CompletedOrder fresh = order(today, LocalTime.of(9, 0), line(p1, 3));
        double tooOld = events("too-old");
        double counted = events("counted");

        assertThat(recorder.record(List.of(old, fresh, old))).isEqualTo(1);

        assertThat(claims(old.orderId())).isZero();
        assertThat(claims(fresh.orderId())).isOne();
        assertThat(sold(gone, p1)).isNull();
        assertThat(sold(today, p1)).isEqualTo(3);
        assertThat(redis.hasKey(cache.dayKey(gone))).isFalse();
        assertThat(events("too-old") - tooOld).isEqualTo(2);
        assertThat(events("counted") - counted).isEqualTo(1);
    }

    @Test
    void countsNothingOfABatchThatFails() {
        CompletedOrder good = order(today, LocalTime.of(9, 0), line(p1, 3));
        CompletedOrder unstorable = order(today, LocalTime.of(10, 0), line(p2, "x".repeat(300), 1_000, 1));

        assertThatThrownBy(() -> recorder.record(List.of(good, unstorable)))
                .isInstanceOf(DataIntegrityViolationException.class);

        assertThat(claims(good.orderId())).isZero();
        assertThat(sold(today, p1)).isNull();
        assertThat(recorder.record(List.of(good))).isOne();
        assertThat(sold(today, p1)).isEqualTo(3);
    }

    private static CompletedOrder order(LocalDate day, LocalTime time, SoldLine... lines) {
        return TestOrders.order(TestClock.at(day, time), lines);
    }

    private double events(String outcome) {
        return meters.get(SalesRecorder.EVENTS_METER).tag("outcome", outcome).counter().count();
    }

    private long claims(long orderId) {
        return jdbc.sql("SELECT COUNT(*) FROM processed_order WHERE order_id = :id").param("id", orderId)
                .query(Long.class).single();
    }

    private Long sold(LocalDate day, long productId) {
        return jdbc.sql("SELECT sold_quantity FROM daily_product_sales WHERE sales_day = :day AND product_id = :id")
                .param("day", day).param("id", productId).query(Long.class).optional().orElse(null);
    }

    private List<String> daySet(LocalDate day) {
        return redis.opsForZSet().rangeWithScores(cache.dayKey(day), 0, -1).stream()
                .map(t -> t.getValue() + "=" + t.getScore()).toList();
    }

    private static String padded(long productId) {
        return String.format("%019d", productId);
    }
}
