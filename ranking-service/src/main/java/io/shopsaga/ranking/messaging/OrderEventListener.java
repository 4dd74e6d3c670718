package io.shopsaga.ranking.messaging;

import io.shopsaga.contracts.OrderCompleted;
import io.shopsaga.contracts.SagaMessage;
import io.shopsaga.contracts.Topics;
import io.shopsaga.defaults.messaging.SagaMessageCodec;
import io.shopsaga.ranking.application.SalesRecorder;
import io.shopsaga.ranking.domain.CompletedOrder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Counts every completed order into the rankings (group {@code ranking-service}). Counting is idempotent by order id,
 * so a redelivered event counts once. A record without a known type is dead-lettered at once, a failing one after
 * the shared retries (libs/service-defaults); other event types on the topic are ignored.
 */
@Component
class OrderEventListener {

    private static final Logger log = LoggerFactory.getLogger(OrderEventListener.class);

    private final SalesRecorder recorder;
    private final SagaMessageCodec codec;

    OrderEventListener(SalesRecorder recorder, SagaMessageCodec codec) {
        this.recorder = recorder;
        this.codec = codec;
    }

    @KafkaListener(id = "ranking-order-events", idIsGroup = false, topics = Topics.ORDER_EVENTS)
    void onEvent(ConsumerRecord<String, String> record) {
        SagaMessage event = codec.read(record);
        if (!(event instanceof OrderCompleted completed)) {
            log.warn("Ignored a {} on {}: not an event the rankings count", event.getClass().getSimpleName(),
                    record.topic());
            return;
        }
        if (!recorder.record(toCompletedOrder(completed))) {
            log.info("Order {} changed no count: counted before, or of a day no longer kept", completed.orderId());
        }
    }

    static CompletedOrder toCompletedOrder(OrderCompleted event) {
        return new CompletedOrder(event.orderId(), event.occurredAt(), event.items().stream()
                .map(line -> new CompletedOrder.SoldLine(line.productId(), line.name(), line.unitPrice(), line.quantity()))
                .toList());
    }
}
