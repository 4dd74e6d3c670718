package io.shopsaga.defaults.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One named daemon thread per start; stop wakes it the worker's way and waits for what it does on its way out. */
class BackgroundWorkerTests {

    @Test
    void startsOneNamedDaemonThreadHoweverOftenItIsStarted() throws Exception {
        Sleeper worker = new Sleeper(Duration.ofSeconds(5));

        worker.start();
        worker.start();

        assertThat(worker.started.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
        assertThat(worker.started.tryAcquire(200, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(worker.threads).singleElement().satisfies(thread -> {
            assertThat(thread.getName()).isEqualTo("test-worker");
            assertThat(thread.isDaemon()).isTrue();
        });
        worker.stop();
    }

    @Test
    void stopWakesTheThreadAndWaitsForItsWayOut() throws Exception {
        Sleeper worker = new Sleeper(Duration.ofSeconds(5));
        worker.start();
        assertThat(worker.started.tryAcquire(5, TimeUnit.SECONDS)).isTrue();

        worker.stop();

        assertThat(worker.isRunning()).isFalse();
        assertThat(worker.finishedOnTheWayOut).isTrue();
        assertThat(worker.threads.getFirst().isAlive()).isFalse();
    }

    @Test
    void stopWaitsNoLongerThanItsBound() throws Exception {
        Sleeper worker = new Sleeper(Duration.ofMillis(100)) {
            @Override
            protected void wake(Thread thread) {
                // a worker that does not hear the call
            }
        };
        worker.start();
        assertThat(worker.started.tryAcquire(5, TimeUnit.SECONDS)).isTrue();

        long before = System.nanoTime();
        worker.stop();

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(3));
        assertThat(worker.threads.getFirst().isAlive()).isTrue();
        worker.threads.getFirst().interrupt();
    }

    /**
     * Waits until woken and stopped (a semaphore, as the relay and the sender do), then finishes something on its way
     * out.
     */
    private static class Sleeper extends BackgroundWorker {

        final Semaphore started = new Semaphore(0);
        final Semaphore wakeUp = new Semaphore(0);
        final List<Thread> threads = new CopyOnWriteArrayList<>();
        volatile boolean finishedOnTheWayOut;

        Sleeper(Duration stopWait) {
            super("test-worker", stopWait);
        }

        @Override
        protected void work() {
            threads.add(Thread.currentThread());
            started.release();
            try {
                do {
                    wakeUp.tryAcquire(10, TimeUnit.SECONDS);
                }
                while (isRunning());
                Thread.sleep(50);
                finishedOnTheWayOut = true;
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        protected void wake(Thread thread) {
            wakeUp.release();
        }
    }
}
