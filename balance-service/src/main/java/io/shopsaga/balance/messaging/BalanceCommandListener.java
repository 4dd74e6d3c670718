package io.shopsaga.balance.messaging;

import io.shopsaga.balance.application.BalanceService;
import io.shopsaga.balance.application.DeductOutcome;
import io.shopsaga.balance.application.RefundOutcome;
import io.shopsaga.contracts.DeductBalance;
import io.shopsaga.contracts.DeductBalanceReply;
import io.shopsaga.contracts.RefundBalance;
import io.shopsaga.contracts.RefundBalanceReply;
import io.shopsaga.contracts.ReplyOutcome;
import io.shopsaga.contracts.SagaMessage;
import io.shopsaga.contracts.SagaReply;
import io.shopsaga.contracts.Topics;
import io.shopsaga.defaults.messaging.BatchTransactions;
import io.shopsaga.defaults.messaging.Outbox;
import io.shopsaga.defaults.messaging.SagaMessageCodec;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies the saga's balance commands and answers each delivery. The operation and its reply (in the outbox) commit in
 * one transaction, with those of the other commands of the same poll ({@link BatchTransactions}); the operations are
 * idempotent by order id, so a redelivered command changes nothing again and is answered as the first one was.
 */
@Component
class BalanceCommandListener {

    private static final Logger log = LoggerFactory.getLogger(BalanceCommandListener.class);

    private final BalanceService balances;
    private final Outbox outbox;
    private final SagaMessageCodec codec;
    private final BatchTransactions transactions;
    private final Clock clock;

    BalanceCommandListener(BalanceService balances, Outbox outbox, SagaMessageCodec codec,
            BatchTransactions transactions) {
        this.balances = balances;
        this.outbox = outbox;
        this.codec = codec;
        this.transactions = transactions;
        this.clock = Clock.systemUTC();
    }

    @KafkaListener(id = "balance-commands", idIsGroup = false, topics = Topics.BALANCE_COMMANDS, batch = "true",
            properties = "max.poll.records=${shopsaga.messaging.records-per-transaction:50}")
    void onCommands(List<ConsumerRecord<String, String>> records) {
        transactions.applyEach(records, this::apply);
    }

    private void apply(ConsumerRecord<String, String> record) {
        SagaMessage command = codec.read(record);
        SagaReply reply = switch (command) {
            case DeductBalance deduct -> switch (balances.deductForOrder(deduct.orderId(), deduct.userId(),
                    deduct.amount())) {
                case DeductOutcome.Deducted done -> new DeductBalanceReply(UUID.randomUUID(), done.orderId(),
                        clock.instant(), ReplyOutcome.SUCCEEDED, null, done.amount());
                case DeductOutcome.Rejected refused -> new DeductBalanceReply(UUID.randomUUID(), refused.orderId(),
                        clock.instant(), ReplyOutcome.REJECTED, refused.code(), 0);
            };
            case RefundBalance refund -> {
                RefundOutcome outcome = balances.refundOrder(refund.orderId(), refund.userId());
                yield new RefundBalanceReply(UUID.randomUUID(), outcome.orderId(), clock.instant(),
                        ReplyOutcome.SUCCEEDED, null, outcome.refundedAmount());
            }
            default -> null;
        };
        if (reply == null) {
            log.warn("Ignored a {} on {}: not a balance command", command.getClass().getSimpleName(),
                    record.topic());
            return;
        }
        outbox.add(Topics.of(reply), reply);
    }
}
