package io.shopsaga.dataplatform.messaging;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads one topic from its beginning in a group of its own, to see what the service sent there. */
final class KafkaProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;

    KafkaProbe(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** The value of the first record with {@code key}, waiting up to 30 s for it. */
    String awaitKey(String key) {
        AtomicReference<String> value = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ZERO).until(() -> {
            consumer.poll(Duration.ofMillis(100)).forEach(r -> {
                if (key.equals(r.key()) && value.get() == null) {
                    value.set(r.value());
                }
            });
            return value.get() != null;
        });
        return value.get();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
