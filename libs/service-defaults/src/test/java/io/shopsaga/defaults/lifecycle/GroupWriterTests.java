package io.shopsaga.defaults.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What arrives while a batch is written goes together in the next one; every caller gets its own answer. */
class GroupWriterTests {

    private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
    private RecordingWriter writer;

    @AfterEach
    void stop() {
        if (writer != null) {
            writer.stop();
        }
        callers.shutdownNow();
    }

    @Test
    void aLoneItemIsABatchOfOne() {
        writer = started(new RecordingWriter(10, batch -> batch.forEach(p -> p.written(p.item() * 2))));

        assertThat(writer.submit(21, "failed")).contains(42);
        assertThat(writer.batches).containsExactly(List.of(21));
    }

    @Test
    void whatArrivesWhileABatchIsWrittenGoesInTheNextUpToMaxBatch() throws Exception {
        CountDownLatch firstTaken = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        writer = started(new RecordingWriter(3, batch -> {
            if (batch.getFirst().item() == 0) {
                firstTaken.countDown();
                await(release);
            }
            batch.forEach(p -> p.written(p.item() * 2));
        }));
        Future<Optional<Integer>> first = callers.submit(() -> writer.submit(0, "failed"));
        assertThat(firstTaken.await(5, TimeUnit.SECONDS)).isTrue();
        List<Future<Optional<Integer>>> next = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            int item = i;
            next.add(callers.submit(() -> writer.submit(item, "failed")));
        }
        while (writer.waiting() < 4) {
            Thread.onSpinWait();
        }

        release.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).contains(0);
        for (int i = 1; i <= 4; i++) {
            assertThat(next.get(i - 1).get(5, TimeUnit.SECONDS)).contains(i * 2);
        }
        assertThat(writer.batches).hasSize(3);
        assertThat(writer.batches.get(0)).containsExactly(0);
        assertThat(writer.batches.get(1)).hasSize(3);
        assertThat(writer.batches.get(2)).hasSize(1);
        assertThat(writer.batches.stream().flatMap(List::stream)).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
    }

    @Test
    void anItemNotWrittenIsLeftToItsCaller() {
        writer = started(new RecordingWriter(10, batch -> batch.forEach(GroupWriter.Pending::notWritten)));

        assertThat(writer.submit(1, "failed")).isEmpty();
    }

    @Test
    void aFailureReachesTheCallerWithItsMessageAndCause() {
        IllegalArgumentException cause = new IllegalArgumentException("commit lost");
        writer = started(new RecordingWriter(10, batch -> batch.forEach(p -> p.failed(cause))));

        assertThatThrownBy(() -> writer.submit(1, "may or may not be written"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("may or may not be written")
                .hasCause(cause);
    }

    @Test
    void aWriterNotRunningTakesNothing() {
        writer = new RecordingWriter(10, batch -> batch.forEach(p -> p.written(p.item())));

        assertThat(writer.submit(1, "failed")).isEmpty();
        assertThat(writer.waiting()).isZero();
        assertThat(writer.batches).isEmpty();
    }

    @Test
    void whatStillWaitsWhenTheWriterStopsIsLeftToItsCallers() throws Exception {
        CountDownLatch firstTaken = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        writer = started(new RecordingWriter(1, batch -> {
            firstTaken.countDown();
            await(release);
            batch.forEach(p -> p.written(p.item()));
        }));
        Future<Optional<Integer>> first = callers.submit(() -> writer.submit(7, "failed"));
        assertThat(firstTaken.await(5, TimeUnit.SECONDS)).isTrue();
        Future<Optional<Integer>> second = callers.submit(() -> writer.submit(8, "failed"));
        while (writer.waiting() < 1) {
            Thread.onSpinWait();
        }
        Future<?> stopping = callers.submit(() -> writer.stop());

        release.countDown();
        stopping.get(5, TimeUnit.SECONDS);

        assertThat(first.get(5, TimeUnit.SECONDS)).contains(7);
        // Taken after the stop or answered on the way out: either way its caller gets an answer, never a hang.
        Optional<Integer> answer = second.get(5, TimeUnit.SECONDS);
        assertThat(answer.isEmpty() || answer.get() == 8).isTrue();
        assertThat(writer.submit(9, "failed")).isEmpty();
    }

    private static RecordingWriter started(RecordingWriter writer) {
        writer.start();
        return writer;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes through the given action and records each batch's items. */
    private static final class RecordingWriter extends GroupWriter<Integer, Integer> {

        final List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        private final Consumer<List<Pending<Integer, Integer>>> action;

        RecordingWriter(int maxBatch, Consumer<List<Pending<Integer, Integer>>> action) {
            super("test-group-writer", Duration.ofSeconds(5), maxBatch);
            this.action = action;
        }

        @Override
        protected void writeBatch(List<Pending<Integer, Integer>> batch) {
            batches.add(batch.stream().map(Pending::item).toList());
            action.accept(batch);
        }
    }
}
