package io.shopsaga.ranking.application;

import static io.shopsaga.ranking.TestOrders.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopsaga.ranking.RankingServiceIntegrationTest;
import io.shopsaga.ranking.TestClock;
import io.shopsaga.ranking.TestOrders;
import io.shopsaga.ranking.config.RankingProperties;
import io.shopsaga.ranking.domain.CompletedOrder;
import io.shopsaga.ranking.domain.KeptDays;
import io.shopsaga.ranking.persistence.SalesRepository;
import io.shopsaga.testsupport.TestIds;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Old days leave MySQL: the counts and counted orders of days past the retention (40 days) are deleted, and an order
 * of such a day is no longer counted, so a late redelivery of a pruned order cannot count twice.
 *
 * <p>Every other test counts on days a year ahead; this one on days far back, so its pruning touches only its own.
 */
class SalesRetentionTests extends RankingServiceIntegrationTest {

    private static final LocalTime NOON = LocalTime.NOON;

    @Autowired
    SalesRetention retention;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    private final LocalDate oldDay = LocalDate.now(ZoneOffset.UTC).minusDays(300);
    private final long product = TestIds.next();

    @Test
    void deletesTheDaysPastTheRetentionAndNoLongerCountsTheirOrders() {
        clock.set(oldDay, NOON);
        CompletedOrder pruned = record(oldDay, NOON, line(product, 3));
        CompletedOrder kept = record(oldDay.plusDays(10), NOON, line(product, 4));
        double prunedBefore = prunedRows("processed_order");

        // 45 days after the old day, with 40 days kept: the first kept day is old day + 5.
        clock.set(oldDay.plusDays(45), NOON);
        SalesRepository.Pruned deleted = retention.prune();

        assertThat(deleted.countedOrders()).isEqualTo(1);
        assertThat(deleted.dailyCounts()).isEqualTo(1);
        assertThat(countedOrder(pruned.orderId())).isZero();
        assertThat(countedOrder(kept.orderId())).isOne();
        assertThat(soldOn(oldDay)).isNull();
        assertThat(soldOn(oldDay.plusDays(10))).isEqualTo(4L);
        assertThat(prunedRows("processed_order") - prunedBefore).isEqualTo(1.0);

        // The pruned order delivered again, and a new order of a day past the retention: neither counts.
        double tooOldBefore = tooOldEvents();
        assertThat(recorder.record(pruned)).isFalse();
        assertThat(recorder.record(TestOrders.order(TestClock.at(oldDay.plusDays(4), NOON), line(product, 9))))
                .isFalse();
        assertThat(countedOrder(pruned.orderId())).isZero();
        assertThat(soldOn(oldDay)).isNull();
        assertThat(soldOn(oldDay.plusDays(4))).isNull();
        assertThat(tooOldEvents() - tooOldBefore).isEqualTo(2.0);

        // The first kept day still counts, and a second pruning finds nothing more to delete.
        record(oldDay.plusDays(5), NOON, line(product, 1));
        assertThat(soldOn(oldDay.plusDays(5))).isEqualTo(1L);
        assertThat(retention.prune()).isEqualTo(new SalesRepository.Pruned(0, 0));
    }

    @Test
    void keepsAtLeastOneDayMoreThanTheLongestWindow() {
        assertThat(new KeptDays(31).firstKeptDay(LocalDate.of(2026, 3, 31))).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThatThrownBy(() -> new KeptDays(30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RankingProperties.Store(Duration.ofDays(30), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shopsaga.ranking.store.retention");
        assertThat(new RankingProperties.Store(Duration.ofDays(40), Duration.ofHours(1)).keptDays())
                .isEqualTo(new KeptDays(40));
    }

    private long countedOrder(long orderId) {
        return jdbc.sql("SELECT COUNT(*) FROM processed_order WHERE order_id = :id").param("id", orderId)
                .query(Long.class).single();
    }

    private Long soldOn(LocalDate day) {
        return jdbc.sql("SELECT sold_quantity FROM daily_product_sales WHERE sales_day = :day AND product_id = :id")
                .param("day", day).param("id", product).query(Long.class).optional().orElse(null);
    }

    private double prunedRows(String table) {
        return meters.get(SalesRetention.PRUNED_METER).tag("table", table).counter().count();
    }

    private double tooOldEvents() {
        return meters.get(SalesRecorder.EVENTS_METER).tag("outcome", "too-old").counter().count();
    }
}
