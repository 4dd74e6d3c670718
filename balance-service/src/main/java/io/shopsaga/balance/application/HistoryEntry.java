package io.shopsaga.balance.application;

import io.shopsaga.balance.domain.HistoryType;
import java.time.OffsetDateTime;

/** One change of a balance. */
public record HistoryEntry(HistoryType type, long amount, long balanceAfter, Long orderId, OffsetDateTime createdAt) {
}
