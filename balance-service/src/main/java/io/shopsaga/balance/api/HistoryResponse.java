package io.shopsaga.balance.api;

import io.shopsaga.balance.application.HistoryPage;
import java.time.OffsetDateTime;
import java.util.List;

/** One page of balance history, newest first. */
public record HistoryResponse(List<Entry> content, int page, int size, long totalElements) {

    /** One balance change; {@code orderId} is set for an order's payment or refund. */
    public record Entry(String type, long amount, long balanceAfter, Long orderId, OffsetDateTime createdAt) {
    }

    static HistoryResponse of(HistoryPage page) {
        return new HistoryResponse(
                page.content().stream()
                        .map(e -> new Entry(e.type().name(), e.amount(), e.balanceAfter(), e.orderId(), e.createdAt()))
                        .toList(),
                page.page(), page.size(), page.totalElements());
    }
}
