package io.shopsaga.order.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsaga.order.config.OrderProperties;
import io.shopsaga.order.domain.Order;
import io.shopsaga.order.domain.OrderLine;
import io.shopsaga.order.domain.OrderStatus;
import io.shopsaga.order.domain.SagaState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Waiting for an outcome: signalled by the saga where it can be, re-read from the database only where it must. */
class OrderOutcomesTests {

    private static final long ORDER = 41;
    private static final Instant CREATED = Instant.parse("2026-12-01T10:00:00.123456Z");

    private final StoredOrder stored = new StoredOrder();
    private OrderOutcomes outcomes = outcomesPolling(Duration.ofSeconds(30));

    @AfterEach
    void stop() {
        outcomes.destroy();
    }

    @Test
    void aSagaEndingWhileTheClientWaitsIsAnsweredWithTheEndedOrderAndNoRead() throws Exception {
        CompletableFuture<Order> waiting = outcomes.await(ORDER, Duration.ofSeconds(10), true);
        Order ended = order(SagaState.COMPLETED);
        stored.current = ended;

        outcomes.finished(ended);

        assertThat(waiting.get(2, TimeUnit.SECONDS)).isSameAs(ended);
        assertThat(stored.reads).hasValue(0);
    }

    @Test
    void aSagaThatEndedBeforeTheClientStartedWaitingIsAnsweredAtOnce() throws Exception {
        stored.current = order(SagaState.FAILED);
        outcomes.finished(stored.current);

        CompletableFuture<Order> waiting = outcomes.await(ORDER, Duration.ofSeconds(10), true);

        // The poll interval is 30 s: only the saga's signal can have answered.
        assertThat(waiting.get(2, TimeUnit.SECONDS).status()).isEqualTo(OrderStatus.FAILED);
        assertThat(stored.reads).hasValue(0);
    }

    @Test
    void aReplayedRequestReadsItsOrderAtOnce() throws Exception {
        stored.current = order(SagaState.COMPLETED);

        CompletableFuture<Order> waiting = outcomes.await(ORDER, Duration.ofSeconds(10), false);

        // The poll interval is 30 s: only the read at the start can have answered, with the order it read.
        assertThat(waiting.get(2, TimeUnit.SECONDS).status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(stored.reads).hasValue(1);
    }

    @Test
    void anOrderPlacedNowIsFirstReReadOnePollIntervalLater() throws Exception {
        outcomes.destroy();
        outcomes = outcomesPolling(Duration.ofMillis(300));
        stored.current = order(SagaState.COMPLETED);

        CompletableFuture<Order> waiting = outcomes.await(ORDER, Duration.ofSeconds(10), true);

        Thread.sleep(100);
        assertThat(waiting).isNotDone();
        assertThat(stored.reads).hasValue(0);
        assertThat(waiting.get(2, TimeUnit.SECONDS).status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(stored.reads).hasValue(1);
    }

    @Test
    void aWaitThatRunsOutAnswersTheOrderAsItIsThen() throws Exception {
        stored.current = order(SagaState.DEDUCTING_BALANCE);

        CompletableFuture<Order> waiting = outcomes.await(ORDER, Duration.ofMillis(200), true);

        assertThat(waiting.get(2, TimeUnit.SECONDS).status()).isEqualTo(OrderStatus.PENDING);
        assertThat(stored.reads).hasValue(1);
    }

    private OrderOutcomes outcomesPolling(Duration interval) {
        return new OrderOutcomes(stored, new OrderProperties(Duration.ofSeconds(10), Duration.ofSeconds(1), interval,
                "http://localhost:1", Duration.ofSeconds(1), 1));
    }

    private static Order order(SagaState state) {
        return Order.restore(ORDER, 7, List.of(new OrderLine(3, "Mug", 12_000, 1)), null, 12_000, CREATED, 0, state,
                state == SagaState.FAILED ? "OUT_OF_STOCK" : null, state.terminal() ? CREATED.plusSeconds(1) : null,
                null, 1);
    }

    /** The order as the database has it, counting the reads. */
    private static final class StoredOrder extends OrderQueries {

        private final AtomicInteger reads = new AtomicInteger();
        private volatile Order current;

        StoredOrder() {
            super(null);
        }

        @Override
        public Optional<Order> find(long orderId) {
            reads.incrementAndGet();
            return Optional.ofNullable(current);
        }

        @Override
        public Order get(long orderId) {
            return find(orderId).orElseThrow();
        }
    }
}
