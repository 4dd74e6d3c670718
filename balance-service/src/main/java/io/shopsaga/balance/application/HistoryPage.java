package io.shopsaga.balance.application;

import java.util.List;

/** One page of a user's balance history, newest first. */
public record HistoryPage(List<HistoryEntry> content, int page, int size, long totalElements) {
}
