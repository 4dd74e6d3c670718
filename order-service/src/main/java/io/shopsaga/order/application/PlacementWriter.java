package io.shopsaga.order.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopsaga.contracts.SagaCommand;
import io.shopsaga.contracts.Topics;
import io.shopsaga.defaults.lifecycle.GroupWriter;
import io.shopsaga.defaults.messaging.Outbox;
import io.shopsaga.defaults.persistence.RetryingTransactions;
import io.shopsaga.order.config.OrderProperties;
import io.shopsaga.order.domain.Order;
import io.shopsaga.order.domain.OrderLine;
import io.shopsaga.order.domain.SagaTime;
import io.shopsaga.order.persistence.OrderRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores the orders placed at the same moment together: one writer takes every priced order waiting for MySQL and
 * stores them in one transaction (one multi-row {@code INSERT} for the orders, one for their lines, one for their
 * first commands in the outbox), so the commit and its flush are paid once per batch instead of once per order. Under
 * load, placements arrive while the previous batch commits, and the next batch takes them all; alone, an order is a
 * batch of one and waits for nothing.
 *
 * <p>When a batch cannot be stored as a whole (any database error before its commit), nothing of it is kept and each
 * of its orders answers "not stored": its request then places the order in a transaction of its own
 * ({@link OrderPlacement}), which reports its own error. When the commit itself fails, the orders may be stored, so
 * none is placed again: each request gets that error, as it would have alone. A request never learns its order's id
 * before the order and its first command committed.
 */
@Component
public class PlacementWriter extends GroupWriter<PlacementWriter.Placement, Long> {

    static final String BATCH_SIZE_METER = "order.placement.batch.size";
    static final int MAX_BATCH = 50;
    private static final Logger log = LoggerFactory.getLogger(PlacementWriter.class);

    private final OrderRepository orders;
    private final Outbox outbox;
    private final RetryingTransactions transactions;
    private final OrderProperties properties;
    private final Clock clock;
    private final DistributionSummary batchSizes;
    private final Counter notStored;

    public PlacementWriter(OrderRepository orders, Outbox outbox, RetryingTransactions transactions,
            OrderProperties properties, Clock clock, MeterRegistry meters) {
        super("order-placement-writer", Duration.ofSeconds(10), MAX_BATCH);
        this.orders = orders;
        this.outbox = outbox;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.batchSizes = DistributionSummary.builder(BATCH_SIZE_METER)
                .description("Orders stored per placement transaction").register(meters);
        this.notStored = Counter.builder("order.placement.batch.fallbacks")
                .description("Orders whose batch could not be stored whole; each was placed on its own")
                .register(meters);
    }

    /**
     * Stores the priced order with the others waiting at the same moment; answers its id once committed, or empty
     * when it was not stored (the caller then places it on its own).
     */
    public OptionalLong store(long userId, List<OrderLine> lines, Long issuedCouponId) {
        // An error means the batch's commit failed (or the writer did): the order may be stored, so it is not placed
        // again.
        return submit(new Placement(userId, lines, issuedCouponId),
                "Storing the order failed; it may or may not be stored")
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    @Override
    protected void writeBatch(List<Pending<Placement, Long>> batch) {
        Outcome outcome = new Outcome();
        List<Long> ids;
        try {
            ids = transactions.execute(() -> {
                TransactionSynchronizationManager.registerSynchronization(outcome);
                SagaTime time = new SagaTime(clock.instant(), properties.stepTimeout());
                List<Order> placed = batch.stream()
                        .map(Pending::item)
                        .map(order -> Order.place(order.userId(), order.lines(), order.issuedCouponId(), time))
                        .toList();
                orders.insertAll(placed);
                for (Order order : placed) {
                    SagaCommand first = order.start(time.now());
                    outbox.add(Topics.of(first), first);
                }
                return placed.stream().map(Order::id).toList();
            });
        }
        catch (RuntimeException ex) {
            if (outcome.mayHaveCommitted()) {
                // The commit itself failed (the connection dropped during it, say): the orders may be stored.
                // Placing them again could place them twice; their requests get the error, as a lone one would.
                log.error("The commit of a batch of {} orders failed; whether they are stored is unknown", batch.size(),
                        ex);
                batch.forEach(order -> order.failed(ex));
                return;
            }
            log.warn("A batch of {} orders could not be stored; each is placed on its own", batch.size(), ex);
            notStored.increment(batch.size());
            batch.forEach(Pending::notWritten);
            return;
        }
        batchSizes.record(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).written(ids.get(i));
        }
    }

    /** How the batch's last transaction ended: only one known to be rolled back (or never begun) may be redone. */
    private static final class Outcome implements TransactionSynchronization {

        private volatile int status = -1;

        @Override
        public void afterCompletion(int status) {
            this.status = status;
        }

        boolean mayHaveCommitted() {
            return status == STATUS_COMMITTED || status == STATUS_UNKNOWN;
        }
    }

    /** A priced order to be stored. */
    record Placement(long userId, List<OrderLine> lines, Long issuedCouponId) {
    }
}
