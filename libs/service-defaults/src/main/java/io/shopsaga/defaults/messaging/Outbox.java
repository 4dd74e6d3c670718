package io.shopsaga.defaults.messaging;

import io.shopsaga.contracts.MessageTypes;
import io.shopsaga.contracts.SagaMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes a message to send into the service's {@code outbox_message} table, inside the caller's transaction,
 * so the state change and the message it implies commit together or not at all. {@link OutboxRelay} sends it
 * after the commit (and is woken right then, so the usual latency is one round trip, not a poll interval).
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final SagaMessageCodec codec;
    private final Runnable afterCommit;

    public Outbox(JdbcClient jdbc, SagaMessageCodec codec, Runnable afterCommit) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.afterCommit = afterCommit;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void add(String topic, SagaMessage message) {
        jdbc.sql("""
                INSERT INTO outbox_message (topic, message_key, message_type, payload)
                VALUES (:topic, :key, :type, :payload)""")
                .param("topic", topic)
                .param("key", Long.toString(message.orderId()))
                .param("type", MessageTypes.nameOf(message))
                .param("payload", codec.toJson(message))
                .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    afterCommit.run();
                }
            });
        }
    }
}
