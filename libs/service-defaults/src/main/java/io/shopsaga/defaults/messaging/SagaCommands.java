package io.shopsaga.defaults.messaging;

import io.shopsaga.contracts.SagaMessage;
import io.shopsaga.contracts.SagaReply;
import io.shopsaga.contracts.Topics;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every saga participant's command listener does around its own step: decodes each command of a poll, lets the
 * step answer it, and writes the reply to the outbox in the step's transaction ({@link BatchTransactions}). A message
 * the step does not answer (it returns {@code null}) is logged and skipped.
 */
public class SagaCommands {

    private static final Logger log = LoggerFactory.getLogger(SagaCommands.class);

    private final BatchTransactions transactions;
    private final SagaMessageCodec codec;
    private final Outbox outbox;

    SagaCommands(BatchTransactions transactions, SagaMessageCodec codec, Outbox outbox) {
        this.transactions = transactions;
        this.codec = codec;
        this.outbox = outbox;
    }

    public void answerEach(List<ConsumerRecord<String, String>> records, Function<SagaMessage, SagaReply> step) {
        transactions.applyEach(records, record -> {
            SagaMessage command = codec.read(record);
            SagaReply reply = step.apply(command);
            if (reply == null) {
                log.warn("Ignored a {} on {}: not a command of this service", command.getClass().getSimpleName(),
                        record.topic());
                return;
            }
            outbox.add(Topics.of(reply), reply);
        });
    }
}
