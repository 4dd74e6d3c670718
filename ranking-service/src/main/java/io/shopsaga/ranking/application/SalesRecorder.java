package io.shopsaga.ranking.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopsaga.defaults.persistence.RetryingTransactions;
import io.shopsaga.ranking.domain.CompletedOrder;
import io.shopsaga.ranking.persistence.ProductSnapshotRepository;
import io.shopsaga.ranking.persistence.RankingCache;
import io.shopsaga.ranking.persistence.SalesRepository;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.SortedMap;

/**
 * Counts a completed order once: its claim, its products' daily counts and their names and prices commit in one
 * transaction; after the commit the day's Redis set gets the new counts.
 *
 * <p>The Redis update runs for a redelivered order too. It writes counts read from MySQL, so it changes nothing when
 * Redis already has them, and it repairs Redis when the first delivery committed but never reached it (the service
 * died in between, or Redis failed).
 */
public class SalesRecorder {

    public static final String EVENTS_METER = "ranking.order.events";

    private final SalesRepository sales;
    private final ProductSnapshotRepository snapshots;
    private final RankingCache cache;
    private final RetryingTransactions transactions;
    private final ZoneId zone;
    private final Counter counted;
    private final Counter duplicates;

    public SalesRecorder(SalesRepository sales, ProductSnapshotRepository snapshots, RankingCache cache,
            RetryingTransactions transactions, ZoneId zone, MeterRegistry meters) {
        this.sales = sales;
        this.snapshots = snapshots;
        this.cache = cache;
        this.transactions = transactions;
        this.zone = zone;
        this.counted = counter(meters, "counted");
        this.duplicates = counter(meters, "duplicate");
    }

    /** Counts the order on its sales day; false (and nothing changed) when it was counted before. */
    public boolean record(CompletedOrder order) {
        LocalDate day = order.salesDay(zone);
        SortedMap<Long, Long> quantities = order.quantities();
        boolean first = transactions.execute(() -> {
            if (!sales.claim(order.orderId(), day, order.occurredAt())) {
                return false;
            }
            // Ascending product id (both maps are sorted), so orders sharing products queue instead of deadlocking.
            quantities.forEach((productId, quantity) -> sales.add(day, productId, quantity));
            order.productDetails().forEach((productId, line) ->
                    snapshots.save(productId, line.name(), line.unitPrice(), order.occurredAt()));
            return true;
        });
        cache.sync(day, sales.totals(day, quantities.keySet()));
        (first ? counted : duplicates).increment();
        return first;
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder(EVENTS_METER)
                .description("OrderCompleted events consumed: counted, or a duplicate of one counted before")
                .tag("outcome", outcome)
                .register(meters);
    }
}
