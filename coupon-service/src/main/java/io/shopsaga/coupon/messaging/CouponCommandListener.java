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
 * Applies the saga's coupon commands and answers each delivery. The use (or restore) and its reply (in the outbox)
 * commit in one transaction, with those of the other commands of the same poll ({@link BatchTransactions}); both
 * operations are idempotent by order id, so a redelivered command changes nothing again and is answered as the first
 * one was.
 */
@Component
class CouponCommandListener {

    private static final Logger log = LoggerFactory.getLogger(CouponCommandListener.class);

    private final CouponUseService uses;
    private final Outbox outbox;
    private final SagaMessageCodec codec;
    private final BatchTransactions transactions;
    private final Clock clock = Clock.systemUTC();

    CouponCommandListener(CouponUseService uses, Outbox outbox, SagaMessageCodec codec,
            BatchTransactions transactions) {
        this.uses = uses;
        this.outbox = outbox;
        this.codec = codec;
        this.transactions = transactions;
    }

    @KafkaListener(id = "coupon-commands", idIsGroup = false, topics = Topics.COUPON_COMMANDS, batch = "true",
            properties = "max.poll.records=${shopsaga.messaging.records-per-transaction:50}")
    void onCommands(List<ConsumerRecord<String, String>> records) {
        transactions.applyEach(records, this::apply);
    }

    private void apply(ConsumerRecord<String, String> record) {
        SagaMessage command = codec.read(record);
        SagaReply reply = switch (command) {
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
        if (reply == null) {
            log.warn("Ignored a {} on {}: not a coupon command", command.getClass().getSimpleName(),
                    record.topic());
            return;
        }
        outbox.add(Topics.of(reply), reply);
    }
}
