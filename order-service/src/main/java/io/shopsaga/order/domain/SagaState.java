package io.shopsaga.order.domain;

import io.shopsaga.contracts.DeductBalanceReply;
import io.shopsaga.contracts.RefundBalanceReply;
import io.shopsaga.contracts.ReleaseStockReply;
import io.shopsaga.contracts.ReserveStockReply;
import io.shopsaga.contracts.RestoreCouponReply;
import io.shopsaga.contracts.SagaReply;
import io.shopsaga.contracts.UseCouponReply;

/**
 * Where an order's saga stands. Every non-final state waits for exactly one reply type; anything else
 * (a duplicate, a late reply, a reply of another step) changes nothing.
 *
 * <p>Forward: RESERVING_STOCK → USING_COUPON (only with a coupon) → DEDUCTING_BALANCE → COMPLETED. Compensating,
 * in reverse: REFUNDING_BALANCE → RESTORING_COUPON (only with a coupon) → RELEASING_STOCK → FAILED. The full
 * transition table is in order-service's README.
 */
public enum SagaState {
    RESERVING_STOCK(OrderStatus.PENDING, ReserveStockReply.class, false),
    USING_COUPON(OrderStatus.PENDING, UseCouponReply.class, false),
    DEDUCTING_BALANCE(OrderStatus.PENDING, DeductBalanceReply.class, false),
    REFUNDING_BALANCE(OrderStatus.PENDING, RefundBalanceReply.class, true),
    RESTORING_COUPON(OrderStatus.PENDING, RestoreCouponReply.class, true),
    RELEASING_STOCK(OrderStatus.PENDING, ReleaseStockReply.class, true),
    COMPLETED(OrderStatus.COMPLETED, null, false),
    FAILED(OrderStatus.FAILED, null, false);

    private final OrderStatus orderStatus;
    private final Class<? extends SagaReply> awaitedReply;
    private final boolean compensating;

    SagaState(OrderStatus orderStatus, Class<? extends SagaReply> awaitedReply, boolean compensating) {
        this.orderStatus = orderStatus;
        this.awaitedReply = awaitedReply;
        this.compensating = compensating;
    }

    public OrderStatus orderStatus() {
        return orderStatus;
    }

    /** Whether {@code reply} is the one this state waits for. */
    public boolean awaits(SagaReply reply) {
        return awaitedReply != null && awaitedReply.isInstance(reply);
    }

    /** A state that undoes a step; its command is sent again until answered. */
    public boolean compensating() {
        return compensating;
    }

    public boolean terminal() {
        return awaitedReply == null;
    }
}
