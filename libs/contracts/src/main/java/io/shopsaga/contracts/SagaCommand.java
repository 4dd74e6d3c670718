package io.shopsaga.contracts;

/**
 * A command order-service sends to one saga participant on that participant's command topic
 * ({@link Topics#STOCK_COMMANDS}, {@link Topics#COUPON_COMMANDS}, {@link Topics#BALANCE_COMMANDS}).
 * Participants apply each command at most once per order id, and answer every delivery with a {@link SagaReply}.
 */
public sealed interface SagaCommand extends SagaMessage
        permits ReserveStock, ReleaseStock, UseCoupon, RestoreCoupon, DeductBalance, RefundBalance {
}
