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
 * future, completed by {@link SagaCoordinator} when this instance ends the saga, or by a periodic re-read of the
 * order (the saga may end on another instance), or by the wait's own time running out.
 */
@Component
public class OrderOutcomes implements DisposableBean {

    private final Map<Long, Set<CompletableFuture<Void>>> waiters = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("order-outcome-poll").daemon(true).factory());
    private final ExecutorService reads = Executors.newVirtualThreadPerTaskExecutor();
    private final OrderQueries queries;
    private final Duration pollInterval;

    public OrderOutcomes(OrderQueries queries, OrderProperties properties) {
        this.queries = queries;
        this.pollInterval = properties.waitPollInterval();
    }

    /** The order once it is COMPLETED or FAILED, or as it is after {@code max}. */
    public CompletableFuture<Order> await(long orderId, Duration max) {
        CompletableFuture<Void> signal = new CompletableFuture<>();
        waiters.computeIfAbsent(orderId, id -> ConcurrentHashMap.newKeySet()).add(signal);
        ScheduledFuture<?> poll = scheduler.scheduleWithFixedDelay(
                () -> reads.execute(() -> {
                    if (!signal.isDone() && isFinished(orderId)) {
                        signal.complete(null);
                    }
                }),
                0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        signal.completeOnTimeout(null, max.toMillis(), TimeUnit.MILLISECONDS);
        return signal.whenComplete((ignored, ex) -> {
            poll.cancel(false);
            waiters.computeIfPresent(orderId, (id, set) -> {
                set.remove(signal);
                return set.isEmpty() ? null : set;
            });
        }).thenApplyAsync(ignored -> queries.get(orderId), reads);
    }

    /** Called after the transaction that ended an order's saga has committed. */
    void finished(long orderId) {
        Optional.ofNullable(waiters.get(orderId)).ifPresent(set -> set.forEach(signal -> signal.complete(null)));
    }

    private boolean isFinished(long orderId) {
        return queries.find(orderId).map(order -> order.state().terminal()).orElse(false);
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
        reads.shutdownNow();
    }
}
