package io.shopsaga.product.application;

import io.shopsaga.defaults.persistence.LockFirst;
import io.shopsaga.defaults.persistence.RetryingTransactions;
import io.shopsaga.product.domain.OrderReservation;
import io.shopsaga.product.domain.ProductRules;
import io.shopsaga.product.domain.ReservationStatus;
import io.shopsaga.product.domain.StockItem;
import io.shopsaga.product.domain.StockItems;
import io.shopsaga.product.persistence.ProductRepository;
import io.shopsaga.product.persistence.ReservationRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The order saga's stock steps. Each is one local transaction, idempotent by order id, that reads
 * and writes the database only (the cache is evicted after the commit):
 *
 * <ul>
 *   <li>the order row is claimed first with a plain INSERT (a concurrent delivery of the same order
 *       waits on it, then finds the first one's answer);</li>
 *   <li>product rows are then changed in ascending id order with guarded UPDATEs, so orders sharing
 *       products queue on the row locks instead of deadlocking; a deadlock victim all the same is run
 *       again by {@link RetryingTransactions}.</li>
 * </ul>
 */
@Service
public class StockReservations {

    private final ProductRepository products;
    private final ReservationRepository reservations;
    private final RetryingTransactions transactions;
    private final ApplicationEventPublisher events;

    public StockReservations(ProductRepository products, ReservationRepository reservations,
            RetryingTransactions transactions, ApplicationEventPublisher events) {
        this.products = products;
        this.reservations = reservations;
        this.transactions = transactions;
        this.events = events;
    }

    /**
     * Takes every item's quantity for {@code orderId}, or nothing: a short or unknown item refuses the
     * whole order. The same order id reserves at most once; a repeat answers what the first did.
     *
     * @param quantities product id → quantity (each positive)
     */
    public ReserveOutcome reserve(long orderId, Map<Long, Integer> quantities) {
        StockItems items = StockItems.of(quantities);
        return transactions.execute(() -> {
            if (!reservations.insertIfAbsent(orderId, ReservationStatus.RESERVED)) {
                // Seen before, and committed (the duplicate-key answer waited for it). No lock needed: the answer
                // is the same for RESERVED and RELEASED, and the other states are final.
                return outcomeOf(reservations.find(orderId).orElseThrow());
            }
            List<StockItem> taken = new ArrayList<>();
            for (StockItem item : items.items()) {
                if (!products.takeStock(item.productId(), item.quantity())) {
                    String code = products.exists(item.productId())
                            ? ProductRules.OUT_OF_STOCK : ProductRules.PRODUCT_NOT_FOUND;
                    // The rows taken so far are locked by this transaction: giving them back leaves them as they were.
                    taken.forEach(t -> products.putBackStock(t.productId(), t.quantity()));
                    reservations.markRejected(orderId, code, item.productId());
                    return new ReserveOutcome.Rejected(orderId, code, item.productId());
                }
                taken.add(item);
            }
            reservations.insertItems(orderId, items);
            events.publishEvent(new ProductsChanged(items.productIds()));
            return new ReserveOutcome.Reserved(orderId);
        });
    }

    /**
     * The saga's compensation: puts back exactly what {@code orderId} reserved, once. A release for an
     * order that was never reserved records that, so a reserve arriving late for it takes nothing.
     */
    public ReleaseOutcome release(long orderId) {
        return transactions.execute(() -> {
            Optional<OrderReservation> existing = LockFirst.lockOrInsert(() -> reservations.lock(orderId),
                    () -> reservations.insertIfAbsent(orderId, ReservationStatus.CANCELLED));
            if (existing.isEmpty()) {
                return ReleaseOutcome.nothing(orderId);
            }
            OrderReservation reservation = existing.get();
            if (!reservation.status().releasePutsStockBack()) {
                return ReleaseOutcome.nothing(orderId);
            }
            List<StockItem> items = reservations.items(orderId);
            items.forEach(item -> products.putBackStock(item.productId(), item.quantity()));
            reservations.updateStatus(orderId, reservation.release().status());
            events.publishEvent(new ProductsChanged(items.stream().map(StockItem::productId).toList()));
            return new ReleaseOutcome(orderId, items);
        });
    }

    /** The reservation recorded for an order, if any (for tests and operators). */
    public Optional<OrderReservation> reservationOf(long orderId) {
        return reservations.find(orderId);
    }

    private static ReserveOutcome outcomeOf(OrderReservation reservation) {
        return switch (reservation.status()) {
            case RESERVED, RELEASED -> new ReserveOutcome.Reserved(reservation.orderId());
            case REJECTED -> new ReserveOutcome.Rejected(reservation.orderId(), reservation.failureCode(),
                    reservation.failedProductId());
            case CANCELLED -> new ReserveOutcome.Rejected(reservation.orderId(), ProductRules.ORDER_CANCELLED, null);
        };
    }
}
