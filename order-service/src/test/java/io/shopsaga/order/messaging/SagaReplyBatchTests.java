package io.shopsaga.order.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shopsaga.contracts.ReplyOutcome;
import io.shopsaga.contracts.ReserveStockReply;
import io.shopsaga.contracts.SagaReply;
import io.shopsaga.contracts.Topics;
import io.shopsaga.contracts.UseCouponReply;
import io.shopsaga.defaults.messaging.SagaMessageCodec;
import io.shopsaga.order.OrderServiceIntegrationTest;
import io.shopsaga.order.domain.Order;
import io.shopsaga.order.domain.OrderLine;
import io.shopsaga.order.domain.SagaState;
import io.shopsaga.order.domain.SagaTime;
import io.shopsaga.order.persistence.OrderRepository;
import io.shopsaga.testsupport.TestIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A poll of several replies, applied in one transaction that locks all their orders first: an order with two replies
 * in the poll takes both steps, a duplicate changes nothing, a reply for an unknown order is passed over, and each
 * order's next commands are written once.
 */
class SagaReplyBatchTests extends OrderServiceIntegrationTest {

    @Autowired
    SagaReplyListener listener;

    @Autowired
    OrderRepository orders;

    @Autowired
    SagaMessageCodec codec;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aPollOfRepliesMovesEachOrderOnceThroughEveryStepItAnswers() {
        Order plain = awaitingStock(null);
        Order withCoupon = awaitingStock(TestIds.next());
        long unknown = withCoupon.id() + 1_000_000;
        Instant now = Instant.now();

        listener.onReplies(records(
                new ReserveStockReply(UUID.randomUUID(), withCoupon.id(), now, ReplyOutcome.SUCCEEDED, null, null),
                new ReserveStockReply(UUID.randomUUID(), plain.id(), now, ReplyOutcome.SUCCEEDED, null, null),
                new ReserveStockReply(UUID.randomUUID(), unknown, now, ReplyOutcome.SUCCEEDED, null, null),
                new UseCouponReply(UUID.randomUUID(), withCoupon.id(), now, ReplyOutcome.SUCCEEDED, null, 300),
                new ReserveStockReply(UUID.randomUUID(), plain.id(), now, ReplyOutcome.SUCCEEDED, null, null)));

        assertThat(messagesWritten(plain.id())).containsExactly("DeductBalance");
        assertThat(messagesWritten(withCoupon.id())).containsExactly("UseCoupon", "DeductBalance");
        Order paid = orders.find(withCoupon.id()).orElseThrow();
        assertThat(paid.discountAmount()).isEqualTo(300);
        // The simulated balance-service answers the deducts.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> orders.find(plain.id()).orElseThrow().state() == SagaState.COMPLETED
                        && orders.find(withCoupon.id()).orElseThrow().state() == SagaState.COMPLETED);
        assertThat(participants.commandsOf(plain.id())).containsExactly("DeductBalance");
        // Sent together on two topics (the test answered for the coupon), so they may arrive in either order.
        assertThat(participants.commandsOf(withCoupon.id())).containsExactlyInAnyOrder("UseCoupon", "DeductBalance");
    }

    /** An order stored as placed, its first command not sent: only the replies of the test move it. */
    private Order awaitingStock(Long couponId) {
        Order order = Order.place(TestIds.next(), List.of(new OrderLine(TestIds.next(), "Mug", 1_000, 1)), couponId,
                new SagaTime(Instant.now(), Duration.ofSeconds(30)));
        transactions.executeWithoutResult(status -> orders.insert(order));
        return order;
    }

    private List<ConsumerRecord<String, String>> records(SagaReply... replies) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (SagaReply reply : replies) {
            ProducerRecord<String, String> sent = codec.toRecord(Topics.of(reply), reply);
            ConsumerRecord<String, String> record = new ConsumerRecord<>(sent.topic(), 0, records.size(), sent.key(),
                    sent.value());
            sent.headers().forEach(record.headers()::add);
            records.add(record);
        }
        return records;
    }

    private List<String> messagesWritten(long orderId) {
        return jdbc.sql("SELECT message_type FROM outbox_message WHERE message_key = :key ORDER BY id")
                .param("key", Long.toString(orderId)).query(String.class).list();
    }
}
