package io.shopsaga.defaults.lifecycle;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/**
 * One daemon thread of a service's own, started and stopped with the application context: the outbox relay, the
 * coupon grant writer, the data-platform sender. {@link #stop()} tells the thread to end ({@link #isRunning()} turns
 * false and {@link #wake(Thread)} wakes it), then waits up to {@code stopWait} for it to finish what it finishes on
 * its way out, so that it still has the database and the broker for that.
 */
public abstract class BackgroundWorker implements SmartLifecycle {

    private final String threadName;
    private final Duration stopWait;
    private volatile boolean running;
    private Thread worker;

    protected BackgroundWorker(String threadName, Duration stopWait) {
        this.threadName = threadName;
        this.stopWait = stopWait;
    }

    /** The thread's work; returns once {@link #isRunning()} is false (and what must go out on the way is out). */
    protected abstract void work();

    /** Wakes the thread so that it sees it is to end; interrupts it unless the worker has a gentler way. */
    protected void wake(Thread worker) {
        worker.interrupt();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name(threadName).daemon(true).start(this::work);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (worker != null) {
            wake(worker);
            try {
                worker.join(stopWait);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
