package io.shopsaga.dataplatform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shopsaga.contracts.Topics;
import io.shopsaga.dataplatform.DataPlatformIntegrationTest;
import io.shopsaga.dataplatform.TestOrders;
import io.shopsaga.dataplatform.application.DeliveryService;
import io.shopsaga.dataplatform.config.DataPlatformProperties;
import io.shopsaga.dataplatform.domain.Delivery;
import io.shopsaga.dataplatform.domain.DeliveryStatus;
import io.shopsaga.dataplatform.persistence.DeliveryRepository;
import io.shopsaga.defaults.persistence.RetryingTransactions;
import io.shopsaga.testsupport.KafkaProbe;
import io.shopsaga.testsupport.TestIds;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events stored a poll's worth at a time: once an order however often it comes, a poison record dead-lettered
 * without holding up or losing the rest of its batch, and nothing acknowledged while the database is down.
 */
class BatchReceiptTests extends DataPlatformIntegrationTest {

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    JsonMapper json;

    @Autowired
    DataPlatformProperties properties;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void aBatchStoresEachOrderOnceHoweverOftenItCameAndSendsItOnce() {
        long stored = TestIds.next();
        deliveries.receive(List.of(TestOrders.order(stored, TestIds.next())));
        Delivery storedBefore = awaitStatus(stored, DeliveryStatus.DELIVERED);
        long twice = TestIds.next();
        long once = TestIds.next();

        deliveries.receive(List.of(TestOrders.order(twice, 1), TestOrders.order(once, 2), TestOrders.order(twice, 1),
                TestOrders.order(stored, 3)));

        for (long id : List.of(twice, once)) {
            assertThat(awaitStatus(id, DeliveryStatus.DELIVERED).attempts()).isEqualTo(1);
            assertThat(platform.requestsOf(id)).as("POSTs of order %d", id).hasSize(1);
        }
        assertThat(find(stored)).contains(storedBefore);
        assertThat(platform.requestsOf(stored)).hasSize(1);
    }

    @Test
    void eventsPolledTogetherAreStoredOnceAnOrderAndEachSentOnce() {
        long userId = TestIds.next();
        long stored = TestIds.next();
        long twice = TestIds.next();
        List<Long> orders = List.of(twice, TestIds.next(), TestIds.next(), TestIds.next());
        deliveries.receive(List.of(TestOrders.order(stored, userId)));
        Delivery storedBefore = awaitStatus(stored, DeliveryStatus.DELIVERED);

        List<RecordMetadata> published = whilePaused(() -> {
            List<RecordMetadata> sent = new ArrayList<>();
            orders.forEach(id -> sent.add(publish(TestOrders.completed(id, userId))));
            sent.add(publish(TestOrders.completed(stored, userId)));
            sent.add(publish(TestOrders.completed(twice, userId)));
            return sent;
        });

        published.forEach(this::awaitAcknowledged);
        for (long id : orders) {
            Delivery delivery = awaitStatus(id, DeliveryStatus.DELIVERED);
            assertThat(delivery.attempts()).isEqualTo(1);
            assertThat(platform.requestsOf(id)).as("POSTs of order %d", id).singleElement()
                    .satisfies(post -> assertThat(post.getBodyAsString())
                            .isEqualTo(TestOrders.expectedDocument(id, userId)));
        }
        assertThat(find(stored)).contains(storedBefore);
        assertThat(platform.requestsOf(stored)).hasSize(1);
    }

    @Test
    void aPoisonRecordIsDeadLetteredWhileTheRestOfItsBatchIsStoredAndSent() {
        long before = TestIds.next();
        long poisonId = TestIds.next();
        long after = TestIds.next();
        long userId = TestIds.next();
        ProducerRecord<String, String> poison = new ProducerRecord<>(Topics.ORDER_EVENTS, 0, Long.toString(poisonId),
                "{}");
        poison.headers().add("shopsaga-type", "NoSuchEvent".getBytes(StandardCharsets.UTF_8));

        // One partition, in this order: the poison record sits between two good ones in the same poll.
        RecordMetadata last = whilePaused(() -> {
            publish(onFirstPartition(codec.toRecord(Topics.ORDER_EVENTS, TestOrders.completed(before, userId))));
            publish(poison);
            return publish(onFirstPartition(codec.toRecord(Topics.ORDER_EVENTS, TestOrders.completed(after, userId))));
        });

        try (KafkaProbe dlt = new KafkaProbe(bootstrapServers, Topics.deadLetter(Topics.ORDER_EVENTS))) {
            assertThat(dlt.awaitKey(Long.toString(poisonId), 1)).singleElement()
                    .satisfies(record -> assertThat(record.value()).isEqualTo("{}"));
        }
        awaitAcknowledged(last);
        for (long id : List.of(before, after)) {
            assertThat(awaitStatus(id, DeliveryStatus.DELIVERED).attempts()).isEqualTo(1);
            assertThat(platform.requestsOf(id)).as("POSTs of order %d", id).hasSize(1);
        }
        assertThat(find(poisonId)).isEmpty();
    }

    @Test
    void aBatchThatCannotBeStoredIsHandedBackWholeAsADatabaseOutage() {
        DriverManagerDataSource deadDatabase = new DriverManagerDataSource("jdbc:mysql://127.0.0.1:1/dataplatform",
                "dataplatform", "");
        DeliveryService unstorable = new DeliveryService(new DeliveryRepository(JdbcClient.create(deadDatabase)),
                (key, document) -> {
                    throw new AssertionError("nothing is sent from the listener");
                },
                new RetryingTransactions(new TransactionTemplate(new DataSourceTransactionManager(deadDatabase))),
                json, properties, new SimpleMeterRegistry());
        OrderEventListener listener = new OrderEventListener(unstorable, codec,
                new DeliverySender(unstorable, properties));
        List<ConsumerRecord<String, String>> batch = List.of(
                received(codec.toRecord(Topics.ORDER_EVENTS, TestOrders.completed(TestIds.next(), 1)), 10),
                received(codec.toRecord(Topics.ORDER_EVENTS, TestOrders.completed(TestIds.next(), 1)), 11));

        // From the first record on: nothing is acknowledged, and the shared handler waits for the database
        // (CannotCreateTransactionException is an outage to it) instead of dead-lettering.
        assertThatExceptionOfType(BatchListenerFailedException.class)
                .isThrownBy(() -> listener.onEvents(batch))
                .satisfies(ex -> {
                    assertThat(ex.getIndex()).isZero();
                    assertThat(ex).hasCauseInstanceOf(CannotCreateTransactionException.class);
                });
    }

    /** Publishes while the listener is paused, so that everything published arrives in one poll once it resumes. */
    private <T> T whilePaused(Supplier<T> publishing) {
        MessageListenerContainer container = listeners.getListenerContainer("data-platform-order-events");
        container.pause();
        try {
            await().atMost(Duration.ofSeconds(30)).until(container::isContainerPaused);
            return publishing.get();
        }
        finally {
            container.resume();
        }
    }

    private static ProducerRecord<String, String> onFirstPartition(ProducerRecord<String, String> record) {
        return new ProducerRecord<>(record.topic(), 0, record.key(), record.value(), record.headers());
    }

    private static ConsumerRecord<String, String> received(ProducerRecord<String, String> record, long offset) {
        ConsumerRecord<String, String> received = new ConsumerRecord<>(record.topic(), 0, offset, record.key(),
                record.value());
        record.headers().forEach(received.headers()::add);
        return received;
    }
}
