package io.shopsaga.coupon.messaging;

import io.shopsaga.contracts.ReplyOutcome;
import io.shopsaga.contracts.RestoreCoupon;
import io.shopsaga.contracts.RestoreCouponReply;
import io.shopsaga.contracts.SagaMessage;
import io.shopsaga.contracts.SagaReply;
import io.shopsaga.contracts.Topics;
import io.shopsaga.contracts.UseCoupon;
import io.shopsaga.contracts.UseCouponReply;
import io.shopsaga.coupon.application.CouponUseService;
import io.shopsaga.coupon.application.UseOutcome;
import io.shopsaga.defaults.messaging.SagaCommands;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies the saga's coupon commands and answers each delivery. The use (or restore) and its reply (in the outbox)
 * commit in one transaction, with those of the other commands of the same poll ({@link SagaCommands}); both
 * operations are idempotent by order id, so a redelivered command changes nothing again and is answered as the first
 * one was.
 */
@Component
class CouponCommandListener {

    private final CouponUseService uses;
    private final SagaCommands commands;
    private final Clock clock = Clock.systemUTC();

    CouponCommandListener(CouponUseService uses, SagaCommands commands) {
        this.uses = uses;
        this.commands = commands;
    }

    @KafkaListener(id = "coupon-commands", idIsGroup = false, topics = Topics.COUPON_COMMANDS, batch = "true",
            properties = "max.poll.records=${shopsaga.messaging.records-per-transaction:50}")
    void onCommands(List<ConsumerRecord<String, String>> records) {
        commands.answerEach(records, this::answer);
    }

    private SagaReply answer(SagaMessage command) {
        return switch (command) {
            case UseCoupon use -> switch (uses.use(use.orderId(), use.userId(), use.issuedCouponId(),
                    use.totalAmount())) {
                case UseOutcome.Used done -> new UseCouponReply(UUID.randomUUID(), done.orderId(), clock.instant(),
                        ReplyOutcome.SUCCEEDED, null, done.discount());
                case UseOutcome.Rejected refused -> new UseCouponReply(UUID.randomUUID(), refused.orderId(),
                        clock.instant(), ReplyOutcome.REJECTED, refused.code(), 0);
            };
            case RestoreCoupon restore -> new RestoreCouponReply(UUID.randomUUID(),
                    uses.restore(restore.orderId()).orderId(), clock.instant(), ReplyOutcome.SUCCEEDED, null);
            default -> null;
        };
    }
}
