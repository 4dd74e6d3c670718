package io.shopsaga.dataplatform.messaging;

import io.shopsaga.contracts.OrderCompleted;
import io.shopsaga.contracts.SagaMessage;
import io.shopsaga.contracts.Topics;
import io.shopsaga.dataplatform.application.DeliveryService;
import io.shopsaga.dataplatform.domain.CompletedOrder;
import io.shopsaga.defaults.messaging.SagaMessageCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Records every {@code OrderCompleted} for delivery, a poll's worth of events in one transaction. The rows commit
 * before this method returns, and the container commits the offsets only after that, so an order is never
 * acknowledged without being stored; a redelivered event finds its row and changes nothing. Nothing here waits for
 * the platform: the sender is woken to send the new rows. The consumer group is {@code spring.kafka.consumer.group-id}
 * ({@code data-platform-consumer}).
 *
 * <p>Failures name the record they concern ({@link BatchListenerFailedException}), so the shared error handler
 * treats it as it treats a single record: a record that cannot be read (no known type) is dead-lettered to
 * {@code order.events.v1.dlt} at once, after the readable ones before it are stored and acknowledged, and the rest
 * of the batch comes again. When the batch cannot be stored (the database is down), nothing of it is acknowledged:
 * the whole batch comes again, for as long as the handler waits out an outage
 * ({@code shopsaga.kafka.infrastructure-retry-for}).
 */
@Component
class OrderEventListener {

    private static final Logger log = LoggerFactory.getLogger(OrderEventListener.class);

    private final DeliveryService deliveries;
    private final SagaMessageCodec codec;
    private final DeliverySender sender;

    OrderEventListener(DeliveryService deliveries, SagaMessageCodec codec, DeliverySender sender) {
        this.deliveries = deliveries;
        this.codec = codec;
        this.sender = sender;
    }

    /**
     * {@code idIsGroup = false}: the listener id would otherwise replace the configured group id. A poll waits up to
     * {@code shopsaga.data-platform.consumer.fetch-max-wait} ms for 64 KiB of events and takes at most 500, so a
     * transaction stores many orders instead of one.
     */
    @KafkaListener(id = "data-platform-order-events", idIsGroup = false, topics = Topics.ORDER_EVENTS, batch = "true",
            properties = {
                    "fetch.min.bytes=65536",
                    "fetch.max.wait.ms=${shopsaga.data-platform.consumer.fetch-max-wait:100}",
                    "max.poll.records=500" })
    void onEvents(List<ConsumerRecord<String, String>> records) {
        List<CompletedOrder> orders = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, String> record = records.get(i);
            try {
                read(record).ifPresent(orders::add);
            }
            catch (RuntimeException unreadable) {
                store(orders);
                throw new BatchListenerFailedException("Cannot handle " + record.topic() + "-" + record.partition()
                        + "@" + record.offset(), unreadable, i);
            }
        }
        store(orders);
    }

    private Optional<CompletedOrder> read(ConsumerRecord<String, String> record) {
        SagaMessage event = codec.read(record);
        if (event instanceof OrderCompleted completed) {
            return Optional.of(toOrder(completed));
        }
        log.warn("Ignored a {} on {}: not an OrderCompleted", event.getClass().getSimpleName(), record.topic());
        return Optional.empty();
    }

    private void store(List<CompletedOrder> orders) {
        if (orders.isEmpty()) {
            return;
        }
        try {
            deliveries.receive(orders);
        }
        catch (RuntimeException ex) {
            // Nothing of the batch is stored: it all comes again, from its first record.
            throw new BatchListenerFailedException("Cannot store " + orders.size() + " completed orders", ex, 0);
        }
        sender.wakeUp();
    }

    private static CompletedOrder toOrder(OrderCompleted event) {
        return new CompletedOrder(event.orderId(), event.userId(), event.occurredAt(),
                event.items().stream()
                        .map(l -> new CompletedOrder.Line(l.productId(), l.name(), l.unitPrice(), l.quantity()))
                        .toList(),
                event.totalAmount(), event.discountAmount(), event.paidAmount(), event.issuedCouponId());
    }
}
