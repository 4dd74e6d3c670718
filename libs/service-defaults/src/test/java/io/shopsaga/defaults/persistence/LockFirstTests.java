package io.shopsaga.defaults.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LockFirstTests {

    @Test
    void anExistingRowIsLockedAndNothingIsInserted() {
        AtomicInteger inserts = new AtomicInteger();

        assertThat(LockFirst.lockOrInsert(() -> Optional.of("row"), () -> inserts.incrementAndGet() > 0))
                .contains("row");
        assertThat(inserts).hasValue(0);
    }

    @Test
    void noRowMeansTheMarkerIsInsertedAndTheAnswerIsEmpty() {
        AtomicInteger locks = new AtomicInteger();

        Optional<String> row = LockFirst.lockOrInsert(() -> {
            locks.incrementAndGet();
            return Optional.empty();
        }, () -> true);

        assertThat(row).isEmpty();
        assertThat(locks).hasValue(1);
    }

    @Test
    void aRowCommittedConcurrentlyBeforeTheInsertIsLockedAfterIt() {
        Deque<Optional<String>> reads = new ArrayDeque<>(List.of(Optional.empty(), Optional.of("theirs")));

        assertThat(LockFirst.lockOrInsert(reads::pop, () -> false)).contains("theirs");
        assertThat(reads).isEmpty();
    }
}
