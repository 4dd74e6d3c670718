package io.shopsaga.product.messaging;

import io.shopsaga.contracts.ReleaseStock;
import io.shopsaga.contracts.ReleaseStockReply;
import io.shopsaga.contracts.ReplyOutcome;
import io.shopsaga.contracts.ReserveStock;
import io.shopsaga.contracts.ReserveStockReply;
import io.shopsaga.contracts.SagaMessage;
import io.shopsaga.contracts.SagaReply;
import io.shopsaga.contracts.Topics;
import io.shopsaga.defaults.messaging.SagaCommands;
import io.shopsaga.product.application.ReserveOutcome;
import io.shopsaga.product.application.StockReservations;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies the saga's stock commands and answers each delivery. The reservation (or release) and its reply (in the
 * outbox) commit in one transaction, with those of the other commands of the same poll ({@link SagaCommands});
 * both operations are idempotent by order id, so a redelivered command changes nothing again and is answered as the
 * first one was.
 */
@Component
class StockCommandListener {

    private final StockReservations reservations;
    private final SagaCommands commands;
    private final Clock clock = Clock.systemUTC();

    StockCommandListener(StockReservations reservations, SagaCommands commands) {
        this.reservations = reservations;
        this.commands = commands;
    }

    @KafkaListener(id = "stock-commands", idIsGroup = false, topics = Topics.STOCK_COMMANDS, batch = "true",
            properties = "max.poll.records=${shopsaga.messaging.records-per-transaction:50}")
    void onCommands(List<ConsumerRecord<String, String>> records) {
        commands.answerEach(records, this::answer);
    }

    private SagaReply answer(SagaMessage command) {
        return switch (command) {
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
    }
}
