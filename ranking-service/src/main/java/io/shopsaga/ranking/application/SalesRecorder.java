package io.shopsaga.ranking.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopsaga.defaults.persistence.RetryingTransactions;
import io.shopsaga.ranking.domain.CompletedOrder;
import io.shopsaga.ranking.domain.KeptDays;
import io.shopsaga.ranking.persistence.ProductSnapshotRepository;
import io.shopsaga.ranking.persistence.RankingCache;
import io.shopsaga.ranking.persistence.SalesRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.SortedMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts a completed order once: its claim, its products' daily counts and their names and prices commit in one
 * transaction; after the commit the day's Redis set gets the new counts.
 *
 * <p>The Redis update runs for a redelivered order too. It writes counts read from MySQL, so it changes nothing when
 * Redis already has them, and it repairs Redis when the first delivery committed but never reached it (the service
 * died in between, or Redis failed).
 *
 * <p>An order completed on a day older than the kept days ({@code shopsaga.ranking.store.retention}) is not counted:
 * no window reaches it, and its claim may already have been pruned ({@link SalesRetention}).
 */
public class SalesRecorder {

    public static final String EVENTS_METER = "ranking.order.events";

    private static final Logger log = LoggerFactory.getLogger(SalesRecorder.class);

    private final SalesRepository sales;
    private final ProductSnapshotRepository snapshots;
    private final RankingCache cache;
    private final RetryingTransactions transactions;
    private final ZoneId zone;
    private final KeptDays keptDays;
    private final Clock clock;
    private final Counter counted;
    private final Counter duplicates;
    private final Counter tooOld;

    public SalesRecorder(SalesRepository sales, ProductSnapshotRepository snapshots, RankingCache cache,
            RetryingTransactions transactions, ZoneId zone, KeptDays keptDays, Clock clock,
            MeterRegistry meters) {
        this.sales = sales;
        this.snapshots = snapshots;
        this.cache = cache;
        this.transactions = transactions;
        this.zone = zone;
        this.keptDays = keptDays;
        this.clock = clock;
        this.counted = counter(meters, "counted");
        this.duplicates = counter(meters, "duplicate");
        this.tooOld = counter(meters, "too-old");
    }

    /**
     * Counts the order on its sales day; false (and nothing changed) when it was counted before or its day is older
     * than the kept days.
     */
    public boolean record(CompletedOrder order) {
        LocalDate day = order.salesDay(zone);
        LocalDate firstKept = keptDays.firstKeptDay(clock, zone);
        if (day.isBefore(firstKept)) {
            log.warn("Order {} completed on {}, before the first kept day {}; not counted", order.orderId(), day,
                    firstKept);
            tooOld.increment();
            return false;
        }
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
                .description("OrderCompleted events consumed: counted, a duplicate of one counted before, or too old")
                .tag("outcome", outcome)
                .register(meters);
    }
}
