package io.shopsaga.dataplatform.messaging;

import io.shopsaga.contracts.OrderCompleted;
import io.shopsaga.contracts.SagaMessage;
import io.shopsaga.contracts.Topics;
import io.shopsaga.dataplatform.application.DeliveryService;
import io.shopsaga.dataplatform.domain.CompletedOrder;
import io.shopsaga.defaults.messaging.SagaMessageCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Records every {@code OrderCompleted} for delivery. The row commits before this method returns, and the
 * container commits the offset only after that, so an order is never acknowledged without being stored; a
 * redelivered event finds its row and changes nothing. Nothing here waits for the platform. The consumer group is
 * {@code spring.kafka.consumer.group-id} ({@code data-platform-consumer}).
 *
 * <p>A record that cannot be stored (the database is down) is retried by the shared error handler and then
 * dead-lettered to {@code order.events.v1.dlt}; one without a known type goes there at once.
 */
@Component
class OrderEventListener {

    private static final Logger log = LoggerFactory.getLogger(OrderEventListener.class);

    private final DeliveryService deliveries;
    private final SagaMessageCodec codec;

    OrderEventListener(DeliveryService deliveries, SagaMessageCodec codec) {
        this.deliveries = deliveries;
        this.codec = codec;
    }

    /** {@code idIsGroup = false}: the listener id would otherwise replace the configured group id. */
    @KafkaListener(id = "data-platform-order-events", idIsGroup = false, topics = Topics.ORDER_EVENTS)
    void onEvent(ConsumerRecord<String, String> record) {
        SagaMessage event = codec.read(record);
        if (!(event instanceof OrderCompleted completed)) {
            log.warn("Ignored a {} on {}: not an OrderCompleted", event.getClass().getSimpleName(), record.topic());
            return;
        }
        deliveries.receive(toOrder(completed));
    }

    private static CompletedOrder toOrder(OrderCompleted event) {
        return new CompletedOrder(event.orderId(), event.userId(), event.occurredAt(),
                event.items().stream()
                        .map(l -> new CompletedOrder.Line(l.productId(), l.name(), l.unitPrice(), l.quantity()))
                        .toList(),
                event.totalAmount(), event.discountAmount(), event.paidAmount(), event.issuedCouponId());
    }
}
