package io.shopsaga.ranking.application;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Answers reused for a short while: a popular read (the seed's top five) is computed about once per {@code ttl}
 * instead of once per request, which also spares product-service a name lookup per request. A zero ttl turns it off.
 * Answers that {@code keep} refuses (a degraded one, say) are never reused, so recovery shows at once.
 */
public final class RecentAnswers<K, V> {

    private final Map<K, Entry<V>> answers = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final Predicate<V> keep;

    public RecentAnswers(Duration ttl, LongSupplier nanoTime, Predicate<V> keep) {
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
        this.keep = keep;
    }

    /** The answer for {@code key} computed less than ttl ago, else a new one from {@code compute}. */
    public V get(K key, Supplier<V> compute) {
        if (ttlNanos <= 0) {
            return compute.get();
        }
        long now = nanoTime.getAsLong();
        Entry<V> recent = answers.get(key);
        if (recent != null && now - recent.computedAt() < ttlNanos) {
            return recent.value();
        }
        V fresh = compute.get();
        if (keep.test(fresh)) {
            answers.put(key, new Entry<>(fresh, now));
        }
        else {
            answers.remove(key);
        }
        if (answers.size() > 1_000) {
            answers.entrySet().removeIf(e -> now - e.getValue().computedAt() >= ttlNanos);
        }
        return fresh;
    }

    private record Entry<V>(V value, long computedAt) {
    }
}
