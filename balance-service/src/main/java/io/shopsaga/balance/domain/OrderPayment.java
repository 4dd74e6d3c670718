package io.shopsaga.balance.domain;

/**
 * One order's payment from one user's balance.
 *
 * @param orderId the saga's order id; one payment per order
 * @param userId the payer
 * @param amount what was (or would have been) taken
 * @param status where the payment stands
 */
public record OrderPayment(long orderId, long userId, long amount, PaymentStatus status) {

    /** The payment after a refund; an illegal refund (of another user's order) fails loudly. */
    public OrderPayment refund(long requestingUserId) {
        if (requestingUserId != userId) {
            throw new IllegalStateException("Order " + orderId + " was paid by user " + userId
                    + ", not by user " + requestingUserId);
        }
        return new OrderPayment(orderId, userId, amount, status.afterRefund());
    }
}
