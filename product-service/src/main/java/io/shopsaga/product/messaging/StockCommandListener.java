package io.shopsaga.product.messaging;

import io.shopsaga.contracts.ReleaseStock;
import io.shopsaga.contracts.ReleaseStockReply;
import io.shopsaga.contracts.ReplyOutcome;
import io.shopsaga.contracts.ReserveStock;
import io.shopsaga.contracts.ReserveStockReply;
import io.shopsaga.contracts.SagaMessage;
import io.shopsaga.contracts.SagaReply;
import io.shopsaga.contracts.Topics;
import io.shopsaga.defaults.messaging.BatchTransactions;
import io.shopsaga.defaults.messaging.Outbox;
import io.shopsaga.defaults.messaging.SagaMessageCodec;
import io.shopsaga.product.application.ReserveOutcome;
import io.shopsaga.product.application.StockReservations;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies the saga's stock commands and answers each delivery. The reservation (or release) and its reply (in the
 * outbox) commit in one transaction, with those of the other commands of the same poll ({@link BatchTransactions});
 * both operations are idempotent by order id, so a redelivered command changes nothing again and is answered as the
 * first one was.
 */
@Component
class StockCommandListener {

    private static final Logger log = LoggerFactory.getLogger(StockCommandListener.class);

    private final StockReservations reservations;
    private final Outbox outbox;
    private final SagaMessageCodec codec;
    private final BatchTransactions transactions;
    private final Clock clock = Clock.systemUTC();

    StockCommandListener(StockReservations reservations, Outbox outbox, SagaMessageCodec codec,
            BatchTransactions transactions) {
        this.reservations = reservations;
        this.outbox = outbox;
        this.codec = codec;
        this.transactions = transactions;
    }

    @KafkaListener(id = "stock-commands", idIsGroup = false, topics = Topics.STOCK_COMMANDS, batch = "true",
            properties = "max.poll.records=${shopsaga.messaging.records-per-transaction:50}")
    void onCommands(List<ConsumerRecord<String, String>> records) {
        transactions.applyEach(records, this::apply);
    }

    private void apply(ConsumerRecord<String, String> record) {
        SagaMessage command = codec.read(record);
        SagaReply reply = switch (command) {
            case ReserveStock reserve -> {
                Map<Long, Integer> quantities = new LinkedHashMap<>();
                reserve.items().forEach(item -> quantities.merge(item.productId(), item.quantity(), Integer::sum));
                yield switch (reservations.reserve(reserve.orderId(), quantities)) {
                    case ReserveOutcome.Reserved done -> new ReserveStockReply(UUID.randomUUID(), done.orderId(),
                            clock.instant(), ReplyOutcome.SUCCEEDED, null, null);
                    case ReserveOutcome.Rejected refused -> new ReserveStockReply(UUID.randomUUID(),
                            refused.orderId(), clock.instant(), ReplyOutcome.REJECTED, refused.code(),
                            refused.productId());
                };
            }
            case ReleaseStock release -> new ReleaseStockReply(UUID.randomUUID(),
                    reservations.release(release.orderId()).orderId(), clock.instant(), ReplyOutcome.SUCCEEDED,
                    null);
            default -> null;
        };
        if (reply == null) {
            log.warn("Ignored a {} on {}: not a stock command", command.getClass().getSimpleName(), record.topic());
            return;
        }
        outbox.add(Topics.of(reply), reply);
    }
}
