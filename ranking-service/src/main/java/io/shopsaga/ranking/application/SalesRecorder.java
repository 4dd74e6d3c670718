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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts completed orders once each, a batch at a time: the batch's claims, its products' daily counts and their
 * names and prices commit in one transaction; after the commit each day's Redis set gets the new counts.
 *
 * <p>An order counted before, in an earlier batch or earlier in the same one, changes no count. The Redis update
 * runs for it too. It writes counts read from MySQL, so it changes nothing when Redis already has them, and it
 * repairs Redis when the first delivery committed but never reached it (the service died in between, or Redis
 * failed).
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

    /** Counts one order: a batch of one ({@link #record(List)}); false when it changed no count. */
    public boolean record(CompletedOrder order) {
        return record(List.of(order)) == 1;
    }

    /**
     * Counts the orders on their sales days in one transaction and answers how many it counted; the others were
     * counted before (or earlier in {@code orders}) or are of days older than the kept days. All or nothing: when it
     * throws, nothing of the batch was counted.
     */
    public int record(List<CompletedOrder> orders) {
        LocalDate firstKept = keptDays.firstKeptDay(clock, zone);
        List<CompletedOrder> kept = new ArrayList<>(orders.size());
        for (CompletedOrder order : orders) {
            LocalDate day = order.salesDay(zone);
            if (day.isBefore(firstKept)) {
                log.warn("Order {} completed on {}, before the first kept day {}; not counted", order.orderId(), day,
                        firstKept);
                tooOld.increment();
            }
            else {
                kept.add(order);
            }
        }
        if (kept.isEmpty()) {
            return 0;
        }
        Set<Long> claimed = new HashSet<>(transactions.execute(() -> count(kept)));
        int newlyCounted = claimed.size();
        for (CompletedOrder order : kept) {
            // An id named twice is claimed once: its first mention takes the claim, the next is a duplicate.
            if (!claimed.remove(order.orderId())) {
                log.info("Order {} was counted before; not counted again", order.orderId());
                duplicates.increment();
            }
        }
        counted.increment(newlyCounted);
        SortedMap<LocalDate, Set<Long>> touched = new TreeMap<>();
        kept.forEach(order -> touched.computeIfAbsent(order.salesDay(zone), day -> new TreeSet<>())
                .addAll(order.quantities().keySet()));
        touched.forEach((day, productIds) -> cache.sync(day, sales.totals(day, productIds)));
        return newlyCounted;
    }

    /**
     * Claims the orders and counts those claimed now (each id's first mention): quantities summed per day and
     * product, one snapshot per product and order in the order given. Answers the ids claimed now.
     */
    private Set<Long> count(List<CompletedOrder> orders) {
        Map<Long, CompletedOrder> firstMentions = new LinkedHashMap<>();
        orders.forEach(order -> firstMentions.putIfAbsent(order.orderId(), order));
        Set<Long> claimed = sales.claimAll(firstMentions.values().stream()
                .map(order -> new SalesRepository.Claim(order.orderId(), order.salesDay(zone), order.occurredAt()))
                .toList());
        SortedMap<LocalDate, SortedMap<Long, Long>> quantities = new TreeMap<>();
        List<ProductSnapshotRepository.Snapshot> seen = new ArrayList<>();
        for (CompletedOrder order : firstMentions.values()) {
            if (!claimed.contains(order.orderId())) {
                continue;
            }
            SortedMap<Long, Long> ofDay = quantities.computeIfAbsent(order.salesDay(zone), day -> new TreeMap<>());
            order.quantities().forEach((productId, quantity) -> ofDay.merge(productId, quantity, Long::sum));
            order.productDetails().forEach((productId, line) -> seen.add(new ProductSnapshotRepository.Snapshot(
                    productId, line.name(), line.unitPrice(), order.occurredAt())));
        }
        sales.addAll(quantities);
        snapshots.saveAll(seen);
        return claimed;
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder(EVENTS_METER)
                .description("OrderCompleted events consumed: counted, a duplicate of one counted before, or too old")
                .tag("outcome", outcome)
                .register(meters);
    }
}
