package io.shopsaga.ranking.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopsaga.contracts.MessageTypes;
import io.shopsaga.contracts.OrderCompleted;
import io.shopsaga.contracts.Topics;
import io.shopsaga.defaults.messaging.SagaMessageCodec;
import io.shopsaga.ranking.ProductServiceStub.Product;
import io.shopsaga.ranking.RankingServiceIntegrationTest;
import io.shopsaga.ranking.TestClock;
import io.shopsaga.ranking.TestOrders;
import io.shopsaga.ranking.api.TopProductResponse;
import io.shopsaga.ranking.application.SalesRecorder;
import io.shopsaga.testsupport.KafkaProbe;
import io.shopsaga.testsupport.TestIds;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * OrderCompleted over the real broker, a poll at a time: counted within seconds, once however often it is delivered;
 * a poison record or an order that cannot be counted dead-lettered without holding back or taking along the rest of
 * its batch.
 */
class OrderEventTests extends RankingServiceIntegrationTest {

    private static volatile boolean listening;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    SagaMessageCodec codec;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcClient jdbc;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    LocalDate today = TestOrders.freshDay();
    long orderId = TestIds.next();
    long p1 = TestIds.next();
    long p2 = TestIds.next();

    @BeforeEach
    void listening() {
        if (!listening) {
            // Until the listener has its partitions, a first event would wait for a rebalance.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> listeners.getListenerContainers().stream()
                            .allMatch(c -> c.getAssignedPartitions() != null && !c.getAssignedPartitions().isEmpty()));
            listening = true;
        }
        clock.set(today, LocalTime.NOON);
    }

    @Test
    void consumesInTheGroupOfTheService() {
        assertThat(listeners.getListenerContainer(OrderEventListener.ID).getGroupId()).isEqualTo("ranking-service");
    }

    @Test
    void countsACompletedOrderWithinFiveSeconds() {
        productService.knows(Product.of(p1, 4_000), Product.of(p2, 2_500));

        send(completed(orderId, TestClock.at(today, LocalTime.of(11, 0)), line(p1, 2), line(p2, 3)));

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(ranking(topProducts(1, 5))).containsExactly(
                        new TopProductResponse(1, p2, "Catalog " + p2, 2_500, 3),
                        new TopProductResponse(2, p1, "Catalog " + p1, 4_000, 2)));
    }

    @Test
    void countsAnEventDeliveredTwiceOnce() {
        double duplicates = duplicates();
        OrderCompleted event = completed(orderId, TestClock.at(today, LocalTime.of(11, 0)), line(p1, 4));

        send(event);
        send(event);

        await().atMost(Duration.ofSeconds(10)).until(() -> duplicates() == duplicates + 1);
        assertThat(claims(orderId)).isOne();
        assertThat(sold(p1)).isEqualTo(4);
        productService.knows(Product.of(p1, 4_000));
        assertThat(ranking(topProducts(1, 5))).containsExactly(new TopProductResponse(1, p1, "Catalog " + p1, 4_000, 4));
    }

    @Test
    void deadLettersARecordOfUnknownTypeAtOnce() {
        kafka.send(poison(orderId)).join();

        try (KafkaProbe dlt = new KafkaProbe(bootstrapServers, Topics.deadLetter(Topics.ORDER_EVENTS))) {
            assertThat(dlt.awaitKey(Long.toString(orderId), 1)).singleElement()
                    .satisfies(r -> assertThat(r.value()).isEqualTo("{}"));
        }
    }

    @Test
    void deadLettersAnOrderThatCannotBeCountedAndCountsNothingOfIt() {
        send(completed(orderId, TestClock.at(today, LocalTime.of(11, 0)), line(p1, 1), line(p2, 0)));

        try (KafkaProbe dlt = new KafkaProbe(bootstrapServers, Topics.deadLetter(Topics.ORDER_EVENTS))) {
            assertThat(dlt.awaitKey(Long.toString(orderId), 1)).hasSize(1);
        }
        assertThat(claims(orderId)).isZero();
        assertThat(ranking(topProducts(1, 5))).isEmpty();
    }

    @Test
    void pollsInBatchesThatWaitForEventsToGather() {
        MessageListenerContainer container = listeners.getListenerContainer(OrderEventListener.ID);

        assertThat(container.getContainerProperties().getMessageListener()).isInstanceOf(BatchMessageListener.class);
        assertThat(container.getContainerProperties().getKafkaConsumerProperties())
                .containsEntry("fetch.max.wait.ms", "100")
                .containsEntry("fetch.min.bytes", "65536")
                .containsEntry("max.poll.records", "500");
    }

    @Test
    void countsTheOtherOrdersOfABatchAndDeadLettersItsPoisonRecord() {
        long before = TestIds.next();
        long after = TestIds.next();

        inOneBatch(codec.toRecord(Topics.ORDER_EVENTS, completed(before, TestClock.at(today, LocalTime.of(9, 0)),
                        line(p1, 2))),
                poison(orderId),
                codec.toRecord(Topics.ORDER_EVENTS, completed(after, TestClock.at(today, LocalTime.of(10, 0)),
                        line(p1, 3), line(p2, 1))));

        try (KafkaProbe dlt = new KafkaProbe(bootstrapServers, Topics.deadLetter(Topics.ORDER_EVENTS))) {
            assertThat(dlt.awaitKey(Long.toString(orderId), 1)).singleElement()
                    .satisfies(r -> assertThat(r.value()).isEqualTo("{}"));
        }
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(sold(p1)).isEqualTo(5));
        assertThat(sold(p2)).isEqualTo(1);
        assertThat(claims(before) + claims(after)).isEqualTo(2);
    }

    @Test
    void countsTheOtherOrdersOfABatchWhenOneCannotBeStored() {
        long before = TestIds.next();
        long after = TestIds.next();
        OrderCompleted.Line unstorable = new OrderCompleted.Line(p2, "x".repeat(300), 1_000, 1);

        inOneBatch(codec.toRecord(Topics.ORDER_EVENTS, completed(before, TestClock.at(today, LocalTime.of(9, 0)),
                        line(p1, 2))),
                codec.toRecord(Topics.ORDER_EVENTS, completed(orderId, TestClock.at(today, LocalTime.of(9, 30)),
                        line(p1, 7), unstorable)),
                codec.toRecord(Topics.ORDER_EVENTS, completed(after, TestClock.at(today, LocalTime.of(10, 0)),
                        line(p1, 3))));

        try (KafkaProbe dlt = new KafkaProbe(bootstrapServers, Topics.deadLetter(Topics.ORDER_EVENTS))) {
            assertThat(dlt.awaitKey(Long.toString(orderId), 1)).hasSize(1);
        }
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(sold(p1)).isEqualTo(5));
        assertThat(claims(orderId)).isZero();
        assertThat(sold(p2)).isNull();
    }

    /**
     * Sends the records to one partition while the listener is paused, so that its next poll returns them together,
     * in this order.
     */
    @SafeVarargs
    private void inOneBatch(ProducerRecord<String, String>... records) {
        MessageListenerContainer container = listeners.getListenerContainer(OrderEventListener.ID);
        container.pause();
        try {
            await().atMost(Duration.ofSeconds(10)).until(container::isContainerPaused);
            for (ProducerRecord<String, String> record : records) {
                kafka.send(new ProducerRecord<>(record.topic(), 0, record.key(), record.value(), record.headers()))
                        .join();
            }
        }
        finally {
            container.resume();
        }
    }

    private static ProducerRecord<String, String> poison(long orderId) {
        ProducerRecord<String, String> poison = new ProducerRecord<>(Topics.ORDER_EVENTS, Long.toString(orderId), "{}");
        poison.headers().add(MessageTypes.HEADER, "OrderTeleported".getBytes(StandardCharsets.UTF_8));
        return poison;
    }

    private long claims(long orderId) {
        return jdbc.sql("SELECT COUNT(*) FROM processed_order WHERE order_id = ?").param(orderId)
                .query(Long.class).single();
    }

    private Long sold(long productId) {
        return jdbc.sql("SELECT sold_quantity FROM daily_product_sales WHERE sales_day = ? AND product_id = ?")
                .param(today).param(productId).query(Long.class).optional().orElse(null);
    }

    private void send(OrderCompleted event) {
        kafka.send(codec.toRecord(Topics.ORDER_EVENTS, event)).join();
    }

    private double duplicates() {
        return meters.get(SalesRecorder.EVENTS_METER).tag("outcome", "duplicate").counter().count();
    }

    private static OrderCompleted completed(long orderId, Instant at, OrderCompleted.Line... lines) {
        long total = List.of(lines).stream().mapToLong(l -> l.unitPrice() * l.quantity()).sum();
        return new OrderCompleted(UUID.randomUUID(), orderId, at, TestIds.next(), List.of(lines), total, 0, total, null);
    }

    private static OrderCompleted.Line line(long productId, int quantity) {
        return new OrderCompleted.Line(productId, TestOrders.orderedName(productId), 1_000, quantity);
    }
}
