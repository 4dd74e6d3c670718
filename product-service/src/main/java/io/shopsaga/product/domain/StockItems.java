package io.shopsaga.product.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The items of one order, sorted by ascending product id: every transaction that changes several
 * products locks their rows in this one order, so two orders sharing products never deadlock.
 */
public record StockItems(List<StockItem> items) {

    public StockItems {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("An order reserves at least one item");
        }
        items = items.stream().sorted(Comparator.comparingLong(StockItem::productId)).toList();
        for (int i = 1; i < items.size(); i++) {
            if (items.get(i).productId() == items.get(i - 1).productId()) {
                throw new IllegalArgumentException("Product " + items.get(i).productId() + " appears twice");
            }
        }
    }

    /** From product id → quantity, as the saga's command carries them. */
    public static StockItems of(Map<Long, Integer> quantities) {
        return new StockItems(quantities.entrySet().stream()
                .map(e -> new StockItem(e.getKey(), e.getValue()))
                .toList());
    }

    public List<Long> productIds() {
        return items.stream().map(StockItem::productId).toList();
    }
}
