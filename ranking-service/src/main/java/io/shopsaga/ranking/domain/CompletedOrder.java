package io.shopsaga.ranking.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An order whose saga completed, as the rankings see it: what it sold and when.
 *
 * @param occurredAt when the order completed; its calendar day in the rankings' zone is the day it counts on
 * @param lines one per product as order-service sends them (a product named twice is summed)
 */
public record CompletedOrder(long orderId, Instant occurredAt, List<SoldLine> lines) {

    public CompletedOrder {
        if (orderId <= 0) {
            throw new InvalidCompletedOrderException(orderId, "the order id is not positive");
        }
        if (occurredAt == null) {
            throw new InvalidCompletedOrderException(orderId, "it has no completion time");
        }
        lines = List.copyOf(lines);
        for (SoldLine line : lines) {
            if (line.productId() <= 0 || line.quantity() <= 0 || line.unitPrice() < 0 || line.name() == null) {
                throw new InvalidCompletedOrderException(orderId, "invalid line " + line);
            }
        }
    }

    /** The calendar day, in {@code zone}, on which this order's items count. */
    public LocalDate salesDay(ZoneId zone) {
        return LocalDate.ofInstant(occurredAt, zone);
    }

    /** Sold quantity per product, by ascending product id (the order in which rows are locked). */
    public SortedMap<Long, Long> quantities() {
        SortedMap<Long, Long> quantities = new TreeMap<>();
        lines.forEach(line -> quantities.merge(line.productId(), (long) line.quantity(), Long::sum));
        return Collections.unmodifiableSortedMap(quantities);
    }

    /** The name and unit price of each product as this order saw them, by ascending product id. */
    public SortedMap<Long, SoldLine> productDetails() {
        SortedMap<Long, SoldLine> details = new TreeMap<>();
        lines.forEach(line -> details.putIfAbsent(line.productId(), line));
        return Collections.unmodifiableSortedMap(details);
    }

    /** One product of a completed order. */
    public record SoldLine(long productId, String name, long unitPrice, int quantity) {
    }
}
