package io.shopsaga.dataplatform.messaging;

import io.shopsaga.dataplatform.application.DeliveryService;
import io.shopsaga.dataplatform.config.DataPlatformProperties;
import io.shopsaga.defaults.lifecycle.BackgroundWorker;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends the due deliveries: a round as soon as the listener has stored new orders ({@link #wakeUp()}), and at least
 * every {@code shopsaga.data-platform.poll-interval} for the retries that fall due and operator re-sends; round after
 * round while full batches come back. Several instances may run it: claiming keeps each order with one sender at a
 * time.
 */
@Component
class DeliverySender extends BackgroundWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);

    private final DeliveryService deliveries;
    private final int batchSize;
    private final Duration pollInterval;
    private final Semaphore wakeUp = new Semaphore(0);

    DeliverySender(DeliveryService deliveries, DataPlatformProperties properties) {
        super("data-platform-sender", properties.claimTimeout());
        this.deliveries = deliveries;
        this.batchSize = properties.batchSize();
        this.pollInterval = properties.pollInterval();
    }

    /** Asks for a round now (called once newly received orders have committed). */
    void wakeUp() {
        wakeUp.release();
    }

    @Override
    protected void work() {
        while (isRunning()) {
            sendDue();
            try {
                if (wakeUp.tryAcquire(pollInterval.toNanos(), TimeUnit.NANOSECONDS)) {
                    wakeUp.drainPermits();
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void sendDue() {
        try {
            int sent;
            do {
                sent = deliveries.deliverDue();
            } while (sent >= batchSize && isRunning());
        }
        catch (RuntimeException ex) {
            log.warn("A delivery round failed; trying again at the next poll", ex);
        }
    }

    /**
     * Lets the round in flight finish and record its answers (while the database is still there); stop() waits at
     * most a claim timeout for it: after that its claims have run out anyway, and its orders are sent again.
     */
    @Override
    protected void wake(Thread worker) {
        wakeUp.release();
    }
}
