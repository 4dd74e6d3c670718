package io.shopsaga.order.application;

import io.shopsaga.order.config.OrderProperties;
import io.shopsaga.order.domain.Order;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Lets a client wait for its order's outcome ({@code Prefer: wait}) without a thread per waiter: each wait is a
 * future, completed by {@link SagaCoordinator} with the ended order when this instance ends the saga (no read), or by
 * a periodic re-read of the order (the saga may end on another instance), or by the wait's own time running out (then
 * the order is read as it is).
 *
 * <p>Sagas that ended on this instance are kept for {@link #RECENT}, in case one ended before its client started to
 * wait; so a wait for an order placed just now needs no read at its start, only the re-reads every
 * {@code shopsaga.order.wait-poll-interval}.
 */
@Component
public class OrderOutcomes implements DisposableBean {

    static final Duration RECENT = Duration.ofSeconds(30);

    private final Map<Long, Set<CompletableFuture<Order>>> waiters = new ConcurrentHashMap<>();
    private final Map<Long, Finished> recentlyFinished = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("order-outcome-poll").daemon(true).factory());
    private final ExecutorService reads = Executors.newVirtualThreadPerTaskExecutor();
    private final OrderQueries queries;
    private final Duration pollInterval;

    public OrderOutcomes(OrderQueries queries, OrderProperties properties) {
        this.queries = queries;
        this.pollInterval = properties.waitPollInterval();
        scheduler.scheduleWithFixedDelay(this::forgetOldOutcomes, RECENT.toMillis(), RECENT.toMillis() / 2,
                TimeUnit.MILLISECONDS);
    }

    /**
     * The order once it is COMPLETED or FAILED, or as it is after {@code max}. {@code placedNow}: the order was
     * placed by the caller's own request a moment ago, so it cannot have ended on another instance yet and the
     * first re-read waits one poll interval; otherwise (an Idempotency-Key replay) the order is read at once.
     */
    public CompletableFuture<Order> await(long orderId, Duration max, boolean placedNow) {
        CompletableFuture<Order> signal = new CompletableFuture<>();
        waiters.computeIfAbsent(orderId, id -> ConcurrentHashMap.newKeySet()).add(signal);
        // After registering: a saga ending from now on finds this waiter, one that ended before is in the map.
        Finished finished = recentlyFinished.get(orderId);
        if (finished != null) {
            signal.complete(finished.order());
        }
        ScheduledFuture<?> poll = scheduler.scheduleWithFixedDelay(
                () -> reads.execute(() -> {
                    if (!signal.isDone()) {
                        queries.find(orderId).filter(order -> order.state().terminal()).ifPresent(signal::complete);
                    }
                }),
                placedNow ? pollInterval.toMillis() : 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        signal.completeOnTimeout(null, max.toMillis(), TimeUnit.MILLISECONDS);
        return signal.whenComplete((ignored, ex) -> {
            poll.cancel(false);
            waiters.computeIfPresent(orderId, (id, set) -> {
                set.remove(signal);
                return set.isEmpty() ? null : set;
            });
        }).thenCompose(ended -> ended != null ? CompletableFuture.completedFuture(ended)
                : CompletableFuture.supplyAsync(() -> queries.get(orderId), reads));
    }

    /** Called with the ended order after the transaction that ended its saga has committed. */
    void finished(Order order) {
        recentlyFinished.put(order.id(), new Finished(order, System.nanoTime()));
        Optional.ofNullable(waiters.get(order.id())).ifPresent(set -> set.forEach(signal -> signal.complete(order)));
    }

    private void forgetOldOutcomes() {
        long oldest = System.nanoTime() - RECENT.toNanos();
        recentlyFinished.values().removeIf(finished -> finished.at() - oldest < 0);
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
        reads.shutdownNow();
    }

    /** An ended order and when ({@link System#nanoTime()}) its saga ended. */
    private record Finished(Order order, long at) {
    }
}
