package io.shopsaga.defaults.lifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Makes what arrives together durable together (a group commit): request threads hand their item to one writer
 * thread and wait; the writer takes every item waiting at that moment, up to {@code maxBatch}, and writes them with
 * {@link #writeBatch(List)} in one transaction, so the commit is paid once per batch. Under load, items arrive while
 * the previous batch commits and the next batch takes them all; alone, an item is a batch of one and waits for
 * nothing.
 *
 * <p>{@link #writeBatch(List)} answers every item of its batch: {@link Pending#written written} with its result,
 * {@link Pending#notWritten not written} (the caller then writes it on its own, as it would without the writer), or
 * {@link Pending#failed failed}. A writer that stops answers what still waits "not written", and takes nothing more.
 *
 * @param <T> what a caller hands over
 * @param <R> what it learns once its item is written
 */
public abstract class GroupWriter<T, R> extends BackgroundWorker {

    private final BlockingQueue<Pending<T, R>> waiting = new LinkedBlockingQueue<>();
    private final int maxBatch;

    protected GroupWriter(String threadName, Duration stopWait, int maxBatch) {
        super(threadName, stopWait);
        this.maxBatch = maxBatch;
    }

    /** Writes {@code batch} (1 to {@code maxBatch} items, in the order they arrived) and answers each of them. */
    protected abstract void writeBatch(List<Pending<T, R>> batch);

    /**
     * Hands {@code item} to the writer and waits until it is answered.
     *
     * @return the result once written, or empty when it was not (the caller writes it on its own)
     * @throws IllegalStateException with {@code failure} as its message when the writer answered with an error
     */
    protected Optional<R> submit(T item, String failure) {
        if (!isRunning()) {
            return Optional.empty();
        }
        Pending<T, R> pending = new Pending<>(item, new CompletableFuture<>());
        waiting.add(pending);
        if (!isRunning() && waiting.remove(pending)) {
            // Stopped meanwhile, and the writer never took it: nobody else will answer it.
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(pending.answer().get());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the writer", ex);
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException(failure, ex.getCause());
        }
    }

    /** Items waiting for the writer to take them. */
    public int waiting() {
        return waiting.size();
    }

    @Override
    protected final void work() {
        List<Pending<T, R>> batch = new ArrayList<>();
        while (isRunning() || !waiting.isEmpty()) {
            try {
                batch.add(waiting.take());
            }
            catch (InterruptedException ex) {
                if (!isRunning()) {
                    break;
                }
                continue;
            }
            waiting.drainTo(batch, maxBatch - 1);
            writeBatch(batch);
            batch.clear();
        }
        // Stopped: whoever still waits writes on its own.
        Pending<T, R> left;
        while ((left = waiting.poll()) != null) {
            left.notWritten();
        }
    }

    /** An item waiting to be written, and the answer its caller waits on. */
    public record Pending<T, R>(T item, CompletableFuture<R> answer) {

        /** Written and committed: the caller learns {@code result}. */
        public void written(R result) {
            answer.complete(result);
        }

        /** Nothing of it is kept: the caller writes it on its own. */
        public void notWritten() {
            answer.complete(null);
        }

        /** Whether it is kept is unknown, or the writer failed: the caller gets {@code cause}, wrapped. */
        public void failed(Throwable cause) {
            answer.completeExceptionally(cause);
        }
    }
}
