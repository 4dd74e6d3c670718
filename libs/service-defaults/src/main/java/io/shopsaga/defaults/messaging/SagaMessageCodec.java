package io.shopsaga.defaults.messaging;

import io.shopsaga.contracts.MessageTypes;
import io.shopsaga.contracts.SagaMessage;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes contract messages as {@link MessageTypes} describes them: JSON value, order id as key,
 * type name in the {@value MessageTypes#HEADER} header.
 */
public class SagaMessageCodec {

    private final JsonMapper json;

    public SagaMessageCodec(JsonMapper json) {
        this.json = json;
    }

    public String toJson(SagaMessage message) {
        return json.writeValueAsString(message);
    }

    /** A record ready to send, keyed by the message's order id. */
    public ProducerRecord<String, String> toRecord(String topic, SagaMessage message) {
        return record(topic, Long.toString(message.orderId()), MessageTypes.nameOf(message), toJson(message));
    }

    static ProducerRecord<String, String> record(String topic, String key, String type, String payload) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
        record.headers().add(MessageTypes.HEADER, type.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /**
     * The message a record carries.
     *
     * @throws UnknownMessageTypeException when the type header is missing or names no contract type (a poison
     *     message: retrying cannot help, so the error handler dead-letters it at once)
     */
    public SagaMessage read(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(MessageTypes.HEADER);
        String type = header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        Class<? extends SagaMessage> target = MessageTypes.classOf(type)
                .orElseThrow(() -> new UnknownMessageTypeException(record.topic(), type));
        return json.readValue(record.value(), target);
    }
}
