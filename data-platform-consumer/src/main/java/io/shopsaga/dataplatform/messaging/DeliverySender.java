package io.shopsaga.dataplatform.messaging;

import io.shopsaga.dataplatform.application.DeliveryService;
import io.shopsaga.dataplatform.config.DataPlatformProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the due deliveries every {@code shopsaga.data-platform.poll-interval}, round after round while full
 * batches come back. Several instances may run it: claiming keeps each order with one sender at a time.
 */
@Component
class DeliverySender {

    private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);

    private final DeliveryService deliveries;
    private final int batchSize;

    DeliverySender(DeliveryService deliveries, DataPlatformProperties properties) {
        this.deliveries = deliveries;
        this.batchSize = properties.batchSize();
    }

    @Scheduled(fixedDelayString = "${shopsaga.data-platform.poll-interval:500ms}")
    void sendDue() {
        try {
            int sent;
            do {
                sent = deliveries.deliverDue();
            } while (sent >= batchSize);
        }
        catch (RuntimeException ex) {
            log.warn("A delivery round failed; trying again at the next poll", ex);
        }
    }
}
