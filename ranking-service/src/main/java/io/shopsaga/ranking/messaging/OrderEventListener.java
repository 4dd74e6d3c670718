package io.shopsaga.ranking.messaging;

import io.shopsaga.contracts.OrderCompleted;
import io.shopsaga.contracts.SagaMessage;
import io.shopsaga.contracts.Topics;
import io.shopsaga.defaults.messaging.SagaMessageCodec;
import io.shopsaga.ranking.application.SalesRecorder;
import io.shopsaga.ranking.domain.CompletedOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Counts completed orders into the rankings (group {@code ranking-service}) a poll at a time: one transaction per
 * batch of events rather than per order is what makes counting cheap. Counting is idempotent by order id, so a
 * redelivered event counts once; other event types on the topic are ignored.
 *
 * <p>A record that cannot be read or counted is named to the shared error handler (libs/service-defaults) in a
 * {@link BatchListenerFailedException}, once the records before it are counted: the handler commits those,
 * dead-letters that one (at once when its type is unknown, after the retries otherwise) and redelivers the rest.
 * When a batch's transaction fails, its orders are counted one by one to find the one at fault, so that one order
 * neither holds back nor takes along the others.
 */
@Component
class OrderEventListener {

    static final String ID = "ranking-order-events";

    private static final Logger log = LoggerFactory.getLogger(OrderEventListener.class);

    private final SalesRecorder recorder;
    private final SagaMessageCodec codec;

    OrderEventListener(SalesRecorder recorder, SagaMessageCodec codec) {
        this.recorder = recorder;
        this.codec = codec;
    }

    /**
     * {@code idIsGroup = false}: the listener id would otherwise replace the configured group id. A poll returns once
     * about 64 KiB of events (some 150) are there or after {@code shopsaga.ranking.consumer.fetch-max-wait} ms, with
     * at most 500: batches worth a transaction under load, at the price of at most that wait when it is quiet.
     */
    @KafkaListener(id = ID, idIsGroup = false, topics = Topics.ORDER_EVENTS, batch = "true", properties = {
            "fetch.min.bytes=65536",
            "fetch.max.wait.ms=${shopsaga.ranking.consumer.fetch-max-wait:100}",
            "max.poll.records=500" })
    void onEvents(List<ConsumerRecord<String, String>> records) {
        List<Received> orders = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            try {
                read(record).ifPresent(order -> orders.add(new Received(record, order)));
            }
            catch (RuntimeException ex) {
                count(orders);
                throw failed(record, ex);
            }
        }
        count(orders);
    }

    private Optional<CompletedOrder> read(ConsumerRecord<String, String> record) {
        SagaMessage event = codec.read(record);
        if (!(event instanceof OrderCompleted completed)) {
            log.warn("Ignored a {} on {}: not an event the rankings count", event.getClass().getSimpleName(),
                    record.topic());
            return Optional.empty();
        }
        return Optional.of(toCompletedOrder(completed));
    }

    private void count(List<Received> orders) {
        if (orders.isEmpty()) {
            return;
        }
        try {
            recorder.record(orders.stream().map(Received::order).toList());
        }
        catch (RuntimeException ex) {
            if (orders.size() == 1) {
                throw failed(orders.getFirst().record(), ex);
            }
            log.warn("Counting {} orders together failed ({}); counting them one by one", orders.size(),
                    NestedExceptionUtils.getMostSpecificCause(ex).toString());
            orders.forEach(received -> count(List.of(received)));
        }
    }

    private static BatchListenerFailedException failed(ConsumerRecord<String, String> record, RuntimeException ex) {
        // The exception names the record's topic, partition and offset itself.
        return new BatchListenerFailedException("Cannot count the record of key " + record.key() + " on", ex, record);
    }

    private static CompletedOrder toCompletedOrder(OrderCompleted event) {
        return new CompletedOrder(event.orderId(), event.occurredAt(), event.items().stream()
                .map(line -> new CompletedOrder.SoldLine(line.productId(), line.name(), line.unitPrice(), line.quantity()))
                .toList());
    }

    /** An order and the record it came in, to name the record when the order cannot be counted. */
    private record Received(ConsumerRecord<String, String> record, CompletedOrder order) {
    }
}
