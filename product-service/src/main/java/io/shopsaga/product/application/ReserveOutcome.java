package io.shopsaga.product.application;

/** The answer to "reserve this order's stock": the saga step's reply. */
public sealed interface ReserveOutcome {

    long orderId();

    /** Every item's stock was taken (now or by an earlier delivery of the same command). */
    record Reserved(long orderId) implements ReserveOutcome {
    }

    /**
     * Nothing was taken. {@code code} says why: {@code OUT_OF_STOCK} or {@code PRODUCT_NOT_FOUND} for
     * {@code productId} (the first such item by ascending id), or {@code ORDER_CANCELLED} (with no product)
     * when the order's release had already arrived.
     */
    record Rejected(long orderId, String code, Long productId) implements ReserveOutcome {
    }
}
