package io.shopsaga.product.application;

import io.shopsaga.product.domain.StockItem;
import java.util.List;

/**
 * The answer to "put this order's stock back": always a success, since compensations must not fail.
 * {@code released} is what this call put back: empty when there was nothing (never reserved, refused,
 * or already released).
 */
public record ReleaseOutcome(long orderId, List<StockItem> released) {

    public ReleaseOutcome {
        released = List.copyOf(released);
    }

    static ReleaseOutcome nothing(long orderId) {
        return new ReleaseOutcome(orderId, List.of());
    }
}
