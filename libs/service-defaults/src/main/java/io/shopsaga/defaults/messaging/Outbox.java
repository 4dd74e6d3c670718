package io.shopsaga.defaults.messaging;

import io.shopsaga.contracts.MessageTypes;
import io.shopsaga.contracts.SagaMessage;
import io.shopsaga.defaults.persistence.TransactionScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * Writes a message to send into the service's {@code outbox_message} table, inside the caller's transaction,
 * so the state change and the message it implies commit together or not at all. Once the transaction has
 * committed, the rows go to {@link OutboxRelay}, which sends them at once (so the usual latency is one round trip, not
 * a poll interval) without reading them back.
 *
 * <p>The messages of one transaction are written together just before it commits, in one multi-row {@code INSERT}
 * per {@value #ROWS_PER_STATEMENT} rows: a listener that applies a poll of commands in one transaction
 * ({@link BatchTransactions}) writes its replies in one statement, not one each. Such an {@code INSERT} is a
 * "simple insert" to InnoDB, whose auto-increment values are consecutive in every lock mode, so the driver's generated
 * keys name the rows in order. Nothing in the transaction may read its own outbox rows, and nothing does.
 */
public class Outbox {

    static final int ROWS_PER_STATEMENT = 100;

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
        NewRow row = new NewRow(topic, Long.toString(message.orderId()), MessageTypes.nameOf(message),
                codec.toJson(message));
        if (!TransactionScoped.synchronizationActive()) {
            insert(List.of(row)).forEach(committed);
            return;
        }
        TransactionScoped.get(Pending.class, pending -> pending.outbox() == this, Pending::new).add(row);
    }

    /** Inserts the rows in order and answers them with their ids. */
    private List<OutboxRow> insert(List<NewRow> rows) {
        List<OutboxRow> inserted = new ArrayList<>(rows.size());
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<NewRow> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder(
                    "INSERT INTO outbox_message (topic, message_key, message_type, payload) VALUES ");
            List<Object> values = new ArrayList<>(4 * chunk.size());
            for (NewRow row : chunk) {
                sql.append(values.isEmpty() ? "(?, ?, ?, ?)" : ", (?, ?, ?, ?)");
                values.addAll(List.of(row.topic(), row.key(), row.type(), row.payload()));
            }
            KeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql(sql.toString()).params(values).update(keys);
            List<Map<String, Object>> ids = keys.getKeyList();
            if (ids.size() != chunk.size()) {
                throw new IllegalStateException(
                        "The outbox INSERT of " + chunk.size() + " rows returned " + ids.size() + " keys");
            }
            for (int i = 0; i < chunk.size(); i++) {
                NewRow row = chunk.get(i);
                long id = ((Number) ids.get(i).values().iterator().next()).longValue();
                inserted.add(new OutboxRow(id, row.topic(), row.key(), row.type(), row.payload()));
            }
        }
        return inserted;
    }

    private record NewRow(String topic, String key, String type, String payload) {
    }

    /**
     * The messages of one transaction: inserted before it commits, handed to the relay after, dropped on rollback. A
     * message added once they are inserted (by another synchronization's {@code beforeCommit}) is inserted at once.
     */
    private final class Pending implements TransactionSynchronization {

        private final List<NewRow> rows = new ArrayList<>();
        private final List<OutboxRow> inserted = new ArrayList<>();
        private boolean flushed;

        Outbox outbox() {
            return Outbox.this;
        }

        void add(NewRow row) {
            if (flushed) {
                inserted.addAll(insert(List.of(row)));
            }
            else {
                rows.add(row);
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            flushed = true;
            inserted.addAll(insert(rows));
        }

        @Override
        public void afterCommit() {
            inserted.forEach(committed);
        }
    }
}
