package io.shopsaga.ranking.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopsaga.ranking.domain.KeptDays;
import io.shopsaga.ranking.persistence.SalesRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Old days expire in MySQL too: every {@code shopsaga.ranking.store.prune-interval} the counted orders and daily
 * counts of the days older than {@code shopsaga.ranking.store.retention} are deleted (Redis's day sets expire by
 * themselves). No window reaches that far back, and {@link SalesRecorder} no longer counts orders of those days, so
 * a late redelivery of a pruned order cannot count it twice.
 */
public class SalesRetention {

    public static final String PRUNED_METER = "ranking.store.pruned";

    private static final Logger log = LoggerFactory.getLogger(SalesRetention.class);

    private final SalesRepository sales;
    private final KeptDays keptDays;
    private final Clock clock;
    private final ZoneId zone;
    private final Counter countedOrders;
    private final Counter dailyCounts;

    public SalesRetention(SalesRepository sales, KeptDays keptDays, Clock clock, ZoneId zone,
            MeterRegistry meters) {
        this.sales = sales;
        this.keptDays = keptDays;
        this.clock = clock;
        this.zone = zone;
        this.countedOrders = counter(meters, "processed_order");
        this.dailyCounts = counter(meters, "daily_product_sales");
    }

    /** Deletes the days before the first kept one; answers what went. */
    @Scheduled(initialDelayString = "${shopsaga.ranking.store.prune-interval:1h}",
            fixedDelayString = "${shopsaga.ranking.store.prune-interval:1h}")
    public SalesRepository.Pruned prune() {
        LocalDate firstKept = keptDays.firstKeptDay(clock, zone);
        SalesRepository.Pruned pruned = sales.deleteDaysBefore(firstKept);
        countedOrders.increment(pruned.countedOrders());
        dailyCounts.increment(pruned.dailyCounts());
        if (pruned.countedOrders() + pruned.dailyCounts() > 0) {
            log.info("Deleted the days before {}: {} counted orders, {} daily counts", firstKept,
                    pruned.countedOrders(), pruned.dailyCounts());
        }
        return pruned;
    }

    private static Counter counter(MeterRegistry meters, String table) {
        return Counter.builder(PRUNED_METER).description("Rows of days past the retention deleted from MySQL")
                .tag("table", table).register(meters);
    }
}
