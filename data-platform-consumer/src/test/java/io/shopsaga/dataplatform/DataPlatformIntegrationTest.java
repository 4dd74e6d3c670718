package io.shopsaga.dataplatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shopsaga.contracts.SagaMessage;
import io.shopsaga.contracts.Topics;
import io.shopsaga.dataplatform.application.DeliveryService;
import io.shopsaga.dataplatform.domain.Delivery;
import io.shopsaga.dataplatform.domain.DeliveryStatus;
import io.shopsaga.defaults.error.BusinessException;
import io.shopsaga.defaults.messaging.SagaMessageCodec;
import io.shopsaga.testsupport.HttpApi;
import io.shopsaga.testsupport.ServiceIntegrationTest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one context of data-platform-consumer's integration tests: the service against the real database and the
 * embedded Kafka broker, the data platform stood in by {@link TestDataPlatform}. Every integration test class
 * extends this and adds no configuration of its own, so the context is shared.
 */
@ServiceIntegrationTest
public abstract class DataPlatformIntegrationTest {

    protected static final String GROUP = "data-platform-consumer";

    private static Admin admin;

    @LocalServerPort
    int port;

    @Autowired
    protected DeliveryService deliveries;

    @Autowired
    protected KafkaTemplate<String, String> kafka;

    @Autowired
    protected SagaMessageCodec codec;

    @Autowired
    KafkaAdmin kafkaAdmin;

    protected HttpApi api;

    protected final TestDataPlatform platform = TestDataPlatform.get();

    @DynamicPropertySource
    static void dataPlatform(DynamicPropertyRegistry registry) {
        registry.add("shopsaga.data-platform.url", () -> TestDataPlatform.get().url());
    }

    @BeforeEach
    void connect() {
        api = HttpApi.onPort(port);
    }

    @AfterAll
    static void closeAdmin() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
    }

    /** Publishes {@code event} on order.events.v1 as order-service does; answers where it landed. */
    protected RecordMetadata publish(SagaMessage event) {
        return publish(codec.toRecord(Topics.ORDER_EVENTS, event));
    }

    protected RecordMetadata publish(ProducerRecord<String, String> record) {
        return kafka.send(record).join().getRecordMetadata();
    }

    /** Waits until the service's consumer group has committed past {@code record}: it was handled and acknowledged. */
    protected void awaitAcknowledged(RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin().listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata().get();
            OffsetAndMetadata committed = offsets.get(partition);
            return committed != null && committed.offset() > record.offset();
        });
    }

    /** The delivery log's entry, once the order has reached {@code status}. */
    protected Delivery awaitStatus(long orderId, DeliveryStatus status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> find(orderId).map(d -> d.status() == status).orElse(false));
        Delivery delivery = find(orderId).orElseThrow();
        assertThat(delivery.status()).isEqualTo(status);
        return delivery;
    }

    protected Optional<Delivery> find(long orderId) {
        try {
            return Optional.of(deliveries.find(orderId));
        }
        catch (BusinessException notFound) {
            return Optional.empty();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = AdminClient.create(kafkaAdmin.getConfigurationProperties());
        }
        return admin;
    }
}
