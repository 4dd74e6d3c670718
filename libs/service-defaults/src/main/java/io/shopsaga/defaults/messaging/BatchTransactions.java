package io.shopsaga.defaults.messaging;

import io.shopsaga.defaults.persistence.RetryingTransactions;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the records of one poll in one local transaction, each with the state change and the replies it implies,
 * so a busy listener pays one commit per poll rather than one per record. Under light load a poll holds one record
 * and nothing changes.
 *
 * <p>If the batch fails, nothing of it is kept, and its records are applied again one by one, each in its own
 * transaction (run again on a deadlock). The first record that fails alone is named to the container's error
 * handler with a {@link BatchListenerFailedException}: the records before it are committed, and it and the rest are
 * retried, then dead-lettered, as a record listener's would be. The work for a record must therefore be idempotent,
 * which every saga step is, since Kafka may deliver a record twice anyway.
 */
public class BatchTransactions {

    private static final Logger log = LoggerFactory.getLogger(BatchTransactions.class);

    private final TransactionTemplate transactions;
    private final RetryingTransactions alone;

    public BatchTransactions(TransactionTemplate transactions, RetryingTransactions alone) {
        this.transactions = transactions;
        this.alone = alone;
    }

    public <K, V> void applyEach(List<ConsumerRecord<K, V>> records, Consumer<ConsumerRecord<K, V>> work) {
        applyEach(records, batch -> {
        }, work);
    }

    /**
     * The same, with a step that runs first in a batch's transaction, for what the whole batch needs: its rows
     * locked in one statement, say. It does not run for a record applied alone, whose work must not need it.
     */
    public <K, V> void applyEach(List<ConsumerRecord<K, V>> records, Consumer<List<ConsumerRecord<K, V>>> prepare,
            Consumer<ConsumerRecord<K, V>> work) {
        if (records.size() > 1) {
            try {
                transactions.executeWithoutResult(status -> {
                    prepare.accept(records);
                    records.forEach(work);
                });
                return;
            }
            catch (RuntimeException ex) {
                log.info("A batch of {} records failed together ({}); applying them one by one", records.size(),
                        NestedExceptionUtils.getMostSpecificCause(ex).toString());
            }
        }
        for (ConsumerRecord<K, V> record : records) {
            try {
                alone.execute(() -> {
                    work.accept(record);
                    return null;
                });
            }
            catch (RuntimeException ex) {
                // The exception names the record's topic, partition and offset itself.
                throw new BatchListenerFailedException("Cannot apply the record of key " + record.key() + " on", ex,
                        record);
            }
        }
    }
}
