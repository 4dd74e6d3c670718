package io.shopsaga.defaults.persistence;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * How a compensation (release, refund, restore) takes its order's row, inside its transaction: lock the row first
 * and insert a marker only when there is none.
 *
 * <p>In the usual case (the forward step came first) the lock is taken at once. Inserting first instead would leave
 * the duplicate-key check's shared lock on an existing row, and two concurrent deliveries upgrading it to a write
 * lock deadlock each other.
 */
public final class LockFirst {

    private LockFirst() {
    }

    /**
     * The order's row, locked; or empty when there was none and {@code insertIfAbsent} has just inserted the
     * marker (a compensation that came before, or without, its forward step).
     *
     * @param lock reads the row {@code FOR UPDATE}
     * @param insertIfAbsent inserts the marker row, false when a concurrent delivery committed one first
     */
    public static <T> Optional<T> lockOrInsert(Supplier<Optional<T>> lock, BooleanSupplier insertIfAbsent) {
        Optional<T> existing = lock.get();
        if (existing.isPresent() || insertIfAbsent.getAsBoolean()) {
            return existing;
        }
        return Optional.of(lock.get().orElseThrow());
    }
}
