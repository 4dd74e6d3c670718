package io.shopsaga.balance.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopsaga.balance.application.BalanceService;
import io.shopsaga.contracts.DeductBalance;
import io.shopsaga.contracts.DeductBalanceReply;
import io.shopsaga.contracts.RefundBalance;
import io.shopsaga.contracts.RefundBalanceReply;
import io.shopsaga.contracts.ReplyOutcome;
import io.shopsaga.contracts.SagaMessage;
import io.shopsaga.contracts.Topics;
import io.shopsaga.defaults.messaging.SagaMessageCodec;
import io.shopsaga.testsupport.KafkaProbe;
import io.shopsaga.testsupport.ServiceIntegrationTest;
import io.shopsaga.testsupport.TestIds;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;

/** The saga's balance commands over the real broker: command in, reply out, a redelivery has one effect. */
@ServiceIntegrationTest
class BalanceCommandTests {

    @Autowired
    BalanceService balances;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    SagaMessageCodec codec;

    @Autowired
    MeterRegistry meters;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    long userId = TestIds.next();
    long orderId = TestIds.next();

    @Test
    void deductsOnceForADeliveredTwiceCommandAndAnswersBoth() {
        balances.charge(userId, 10_000, null);
        DeductBalance deduct = new DeductBalance(UUID.randomUUID(), orderId, Instant.now(), userId, 3_000);

        send(deduct);
        send(deduct);

        List<DeductBalanceReply> replies = replies(2).stream().map(DeductBalanceReply.class::cast).toList();
        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply.outcome()).isEqualTo(ReplyOutcome.SUCCEEDED);
            assertThat(reply.amount()).isEqualTo(3_000);
        });
        assertThat(balances.balanceOf(userId).balance()).isEqualTo(7_000);
    }

    @Test
    void refusesWhatTheBalanceDoesNotCover() {
        send(new DeductBalance(UUID.randomUUID(), orderId, Instant.now(), userId, 1));

        assertThat(replies(1)).singleElement().isInstanceOfSatisfying(DeductBalanceReply.class, reply -> {
            assertThat(reply.outcome()).isEqualTo(ReplyOutcome.REJECTED);
            assertThat(reply.code()).isEqualTo("INSUFFICIENT_BALANCE");
        });
    }

    @Test
    void refundsWhatTheOrderPaid() {
        balances.charge(userId, 5_000, null);
        balances.deductForOrder(orderId, userId, 2_000);

        send(new RefundBalance(UUID.randomUUID(), orderId, Instant.now(), userId));

        assertThat(replies(1)).singleElement().isInstanceOfSatisfying(RefundBalanceReply.class, reply -> {
            assertThat(reply.outcome()).isEqualTo(ReplyOutcome.SUCCEEDED);
            assertThat(reply.refundedAmount()).isEqualTo(2_000);
        });
        assertThat(balances.balanceOf(userId).balance()).isEqualTo(5_000);
    }

    @Test
    void deadLettersARecordOfUnknownTypeAndCountsIt() {
        ProducerRecord<String, String> poison = new ProducerRecord<>(Topics.BALANCE_COMMANDS, Long.toString(orderId),
                "{}");
        poison.headers().add("shopsaga-type", "NoSuchCommand".getBytes(StandardCharsets.UTF_8));

        kafka.send(poison).join();

        try (KafkaProbe dlt = new KafkaProbe(bootstrapServers, Topics.deadLetter(Topics.BALANCE_COMMANDS))) {
            assertThat(dlt.awaitKey(Long.toString(orderId), 1)).singleElement()
                    .satisfies(r -> assertThat(r.value()).isEqualTo("{}"));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> meters.find("shopsaga.kafka.dead.letters")
                .tag("topic", Topics.BALANCE_COMMANDS).counter() != null);
    }

    @Test
    void aBurstOfCommandsIsAppliedOneByOneInOrderAndItsPoisonRecordIsDeadLettered() {
        balances.charge(userId, 1_000, null);
        List<Long> orders = new ArrayList<>();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long order = TestIds.next();
            orders.add(order);
            // One partition, sent without waiting: the listener gets them in a few polls, in this order.
            sent.add(kafka.send(onPartitionZero(codec.toRecord(Topics.BALANCE_COMMANDS,
                    new DeductBalance(UUID.randomUUID(), order, Instant.now(), userId, 100)))));
            if (i == 5) {
                ProducerRecord<String, String> poison = new ProducerRecord<>(Topics.BALANCE_COMMANDS, 0,
                        Long.toString(orderId), "{}");
                poison.headers().add("shopsaga-type", "NoSuchCommand".getBytes(StandardCharsets.UTF_8));
                sent.add(kafka.send(poison));
            }
        }
        sent.forEach(CompletableFuture::join);

        try (KafkaProbe replies = new KafkaProbe(bootstrapServers, Topics.BALANCE_REPLIES)) {
            List<ReplyOutcome> outcomes = orders.stream()
                    .map(order -> replies.awaitKey(Long.toString(order), 1))
                    .map(records -> ((DeductBalanceReply) codec.read(records.getFirst())).outcome())
                    .toList();
            // Each command on its own: the first ten are covered, the last two refused, none twice, never below 0.
            assertThat(outcomes.subList(0, 10)).containsOnly(ReplyOutcome.SUCCEEDED);
            assertThat(outcomes.subList(10, 12)).containsOnly(ReplyOutcome.REJECTED);
            assertThat(orders).allSatisfy(order -> assertThat(replies.awaitKey(Long.toString(order), 1)).hasSize(1));
        }
        try (KafkaProbe dlt = new KafkaProbe(bootstrapServers, Topics.deadLetter(Topics.BALANCE_COMMANDS))) {
            assertThat(dlt.awaitKey(Long.toString(orderId), 1)).singleElement()
                    .satisfies(r -> assertThat(r.value()).isEqualTo("{}"));
        }
        assertThat(balances.balanceOf(userId).balance()).isZero();
    }

    private static ProducerRecord<String, String> onPartitionZero(ProducerRecord<String, String> record) {
        return new ProducerRecord<>(record.topic(), 0, record.key(), record.value(), record.headers());
    }

    private void send(SagaMessage command) {
        kafka.send(codec.toRecord(Topics.BALANCE_COMMANDS, command)).join();
    }

    private List<SagaMessage> replies(int count) {
        try (KafkaProbe probe = new KafkaProbe(bootstrapServers, Topics.BALANCE_REPLIES)) {
            return probe.awaitKey(Long.toString(orderId), count).stream().map(codec::read).toList();
        }
    }
}
