package io.shopsaga.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Take every item's quantity for the order, or nothing (product-service). Answered by {@link ReserveStockReply}. */
public record ReserveStock(UUID messageId, long orderId, Instant occurredAt, List<Item> items) implements SagaCommand {

    public ReserveStock {
        items = List.copyOf(items);
    }

    /** One product and how many of it. */
    public record Item(long productId, int quantity) {
    }
}
