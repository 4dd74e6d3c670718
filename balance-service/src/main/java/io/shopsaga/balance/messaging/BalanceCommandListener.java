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
import io.shopsaga.defaults.messaging.SagaCommands;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies the saga's balance commands and answers each delivery. The operation and its reply (in the outbox) commit in
 * one transaction, with those of the other commands of the same poll ({@link SagaCommands}); the operations are
 * idempotent by order id, so a redelivered command changes nothing again and is answered as the first one was.
 */
@Component
class BalanceCommandListener {

    private final BalanceService balances;
    private final SagaCommands commands;
    private final Clock clock;

    BalanceCommandListener(BalanceService balances, SagaCommands commands) {
        this.balances = balances;
        this.commands = commands;
        this.clock = Clock.systemUTC();
    }

    @KafkaListener(id = "balance-commands", idIsGroup = false, topics = Topics.BALANCE_COMMANDS, batch = "true",
            properties = "max.poll.records=${shopsaga.messaging.records-per-transaction:50}")
    void onCommands(List<ConsumerRecord<String, String>> records) {
        commands.answerEach(records, this::answer);
    }

    private SagaReply answer(SagaMessage command) {
        return switch (command) {
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
    }
}
