package io.shopsaga.defaults.messaging;

import io.shopsaga.contracts.MessageTypes;
import io.shopsaga.contracts.SagaMessage;
import io.shopsaga.defaults.persistence.AfterCommit;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a message to send into the service's {@code outbox_message} table, inside the caller's transaction,
 * so the state change and the message it implies commit together or not at all. Once the transaction has
 * committed, the row goes to {@link OutboxRelay}, which sends it at once (so the usual latency is one round trip, not
 * a poll interval) without reading it back.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final SagaMessageCodec codec;
    private final Consumer<OutboxRow> committed;

    Outbox(JdbcClient jdbc, SagaMessageCodec codec, Consumer<OutboxRow> committed) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.committed = committed;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void add(String topic, SagaMessage message) {
        String key = Long.toString(message.orderId());
        String type = MessageTypes.nameOf(message);
        String payload = codec.toJson(message);
        KeyHolder id = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO outbox_message (topic, message_key, message_type, payload)
                VALUES (:topic, :key, :type, :payload)""")
                .param("topic", topic)
                .param("key", key)
                .param("type", type)
                .param("payload", payload)
                .update(id);
        OutboxRow row = new OutboxRow(id.getKey().longValue(), topic, key, type, payload);
        AfterCommit.run(() -> committed.accept(row));
    }
}
