package io.shopsaga.order.messaging;

import io.shopsaga.contracts.SagaMessage;
import io.shopsaga.contracts.SagaReply;
import io.shopsaga.contracts.Topics;
import io.shopsaga.defaults.messaging.BatchTransactions;
import io.shopsaga.defaults.messaging.SagaMessageCodec;
import io.shopsaga.order.application.SagaCoordinator;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Hands every participant reply to the saga, the replies of one poll in one transaction ({@link BatchTransactions})
 * that first locks all their orders at once.
 * Idempotent: a reply is applied only in the state that awaits it. A failure is retried with backoff, then
 * dead-lettered (libs/service-defaults' error handler).
 */
@Component
class SagaReplyListener {

    private static final Logger log = LoggerFactory.getLogger(SagaReplyListener.class);

    private final SagaMessageCodec codec;
    private final SagaCoordinator saga;
    private final BatchTransactions transactions;

    SagaReplyListener(SagaMessageCodec codec, SagaCoordinator saga, BatchTransactions transactions) {
        this.codec = codec;
        this.saga = saga;
        this.transactions = transactions;
    }

    @KafkaListener(id = "order-saga-replies", idIsGroup = false, topics = { Topics.STOCK_REPLIES, Topics.COUPON_REPLIES,
            Topics.BALANCE_REPLIES }, batch = "true",
            properties = "max.poll.records=${shopsaga.messaging.records-per-transaction:50}")
    void onReplies(List<ConsumerRecord<String, String>> records) {
        transactions.applyEach(records, this::lockOrders, this::apply);
    }

    /** Locks the orders of a batch in one statement; the records are keyed by order id (a bad key is passed over). */
    private void lockOrders(List<ConsumerRecord<String, String>> records) {
        List<Long> orderIds = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            try {
                orderIds.add(Long.parseLong(record.key()));
            }
            catch (NumberFormatException ex) {
                // Its reply, if it is one, locks its own order.
            }
        }
        saga.lockOrders(orderIds);
    }

    private void apply(ConsumerRecord<String, String> record) {
        SagaMessage message = codec.read(record);
        if (message instanceof SagaReply reply) {
            saga.onReply(reply);
        }
        else {
            log.warn("Ignored a {} on {}: not a reply", message.getClass().getSimpleName(), record.topic());
        }
    }
}
