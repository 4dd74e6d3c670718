package io.shopsaga.order.application;

import io.shopsaga.contracts.SagaMessage;
import io.shopsaga.contracts.SagaReply;
import io.shopsaga.contracts.Topics;
import io.shopsaga.defaults.messaging.Outbox;
import io.shopsaga.defaults.persistence.AfterCommit;
import io.shopsaga.order.config.OrderProperties;
import io.shopsaga.order.domain.Order;
import io.shopsaga.order.domain.SagaTime;
import io.shopsaga.order.domain.SagaTransition;
import io.shopsaga.order.persistence.OrderRepository;
import java.time.Clock;
import java.util.Collection;
import java.util.Optional;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drives the saga: applies a reply or a passed deadline to the order under its row lock, and stores the new state and
 * the messages it implies (through the outbox) in one transaction, its own or the caller's. The order's row lock is
 * what de-duplicates: a reply is applied only in the one state that waits for it, so a second delivery finds the saga
 * moved on.
 */
@Service
public class SagaCoordinator {

    private static final Logger log = LoggerFactory.getLogger(SagaCoordinator.class);

    private final OrderRepository orders;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final OrderOutcomes outcomes;
    private final OrderProperties properties;
    private final Clock clock;

    public SagaCoordinator(OrderRepository orders, Outbox outbox, TransactionTemplate transactions,
            OrderOutcomes outcomes, OrderProperties properties, Clock clock) {
        this.orders = orders;
        this.outbox = outbox;
        this.transactions = transactions;
        this.outcomes = outcomes;
        this.properties = properties;
        this.clock = clock;
    }

    /** Applies a participant's reply; answers whether it changed the saga (false: duplicate, late or unknown). */
    public boolean onReply(SagaReply reply) {
        boolean changed = apply(reply.orderId(), (order, time) -> order.onReply(reply, time));
        if (!changed) {
            log.info("Ignored {} for order {}: not awaited in its current state", reply.getClass().getSimpleName(),
                    reply.orderId());
        }
        return changed;
    }

    /**
     * Locks the orders in the caller's transaction with one statement, so that the replies applied next in it find
     * their orders locked and read.
     */
    public void lockOrders(Collection<Long> orderIds) {
        orders.lockAll(orderIds);
    }

    /** Handles every order whose step deadline has passed; answers how many changed. */
    public int onDeadlines() {
        int changed = 0;
        for (long orderId : orders.dueDeadlines(clock.instant(), 100)) {
            try {
                if (apply(orderId, Order::onDeadline)) {
                    changed++;
                }
            }
            catch (RuntimeException ex) {
                log.warn("Could not handle the deadline of order {}; trying again at the next scan", orderId, ex);
            }
        }
        return changed;
    }

    private boolean apply(long orderId, BiFunction<Order, SagaTime, SagaTransition> transition) {
        Optional<Order> result = transactions.execute(status -> {
            Optional<Order> locked = orders.lock(orderId);
            if (locked.isEmpty()) {
                log.warn("Saga message for unknown order {} ignored", orderId);
                return Optional.<Order>empty();
            }
            Order order = locked.get();
            SagaTransition next = transition.apply(order, new SagaTime(clock.instant(), properties.stepTimeout()));
            if (!next.changed()) {
                return Optional.<Order>empty();
            }
            orders.update(order);
            for (SagaMessage message : next.messages()) {
                outbox.add(Topics.of(message), message);
            }
            return Optional.of(order);
        });
        // Inside a batch of replies the transaction is the batch's: a waiting client hears only once it has committed.
        result.filter(order -> order.state().terminal())
                .ifPresent(order -> AfterCommit.run(() -> outcomes.finished(order)));
        return result.isPresent();
    }
}
