package io.shopsaga.defaults.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.shopsaga.defaults.lifecycle.BackgroundWorker;
import io.shopsaga.defaults.persistence.StandaloneWrites;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox's rows to Kafka and marks a row sent only once the broker acknowledged it (the producer runs
 * with {@code acks=all} and idempotence on), so delivery is at least once. Two paths lead to the broker:
 *
 * <ul>
 * <li><b>Committed here, sent from memory.</b> {@link Outbox} hands every row to {@link #committed} once its
 * transaction has committed; the relay's thread sends the rows in commit order and marks the acknowledged ones sent
 * without reading them back: those of {@code shopsaga.outbox.mark-interval} together, with one {@code UPDATE} (and,
 * where the pool does not auto-commit, one commit). This is the path of nearly every row.</li>
 * <li><b>Left over, read from the table.</b> A polling round ({@code shopsaga.outbox.poll-interval}) sends unsent
 * rows in id order under {@code SELECT ... FOR UPDATE} (a second instance's round waits instead of sending the same
 * rows), marking them in the same transaction. It takes only rows older than {@code shopsaga.outbox.orphaned-after}
 * (their instance died before sending them, or its marking failed), except when this instance has rows that must go
 * again: at start (rows of the instance that ran before) and after a send failed. Then it takes every unsent row,
 * and until such a round ends with nothing failed, the keys with a failed row are left to it, so one order's
 * messages are (re-)sent in their original order.</li>
 * </ul>
 *
 * <p>Within a batch, once a key's send has failed, its later rows are not marked sent either. Sent rows are deleted
 * once older than {@code shopsaga.outbox.retention}.
 */
public class OutboxRelay extends BackgroundWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final StandaloneWrites writes;
    private final KafkaOperations<String, String> kafka;
    private final OutboxProperties properties;
    private final Counter sent;
    private final Counter failed;
    private final BlockingQueue<OutboxRow> committed = new LinkedBlockingQueue<>();
    private final Semaphore wakeUp = new Semaphore(0);
    /** Keys with a row that failed to go; their rows are sent by the polling rounds only, in id order. */
    private final Set<String> heldKeys = ConcurrentHashMap.newKeySet();
    /** Acknowledged rows not marked sent yet: waiting for the mark interval, or their marking failed. */
    private final List<Long> unmarked = new ArrayList<>();
    /** When ({@link System#nanoTime()}) the rows in {@link #unmarked} are to be marked at the latest. */
    private long nextMark;
    private volatile boolean sendEveryUnsentRow = true;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, StandaloneWrites writes,
            KafkaOperations<String, String> kafka, OutboxProperties properties, MeterRegistry meters) {
        super("outbox-relay", properties.sendTimeout().multipliedBy(2));
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.writes = writes;
        this.kafka = kafka;
        this.properties = properties;
        this.sent = Counter.builder("shopsaga.outbox.sent").description("Outbox messages acknowledged by Kafka")
                .register(meters);
        this.failed = Counter.builder("shopsaga.outbox.send.failures")
                .description("Outbox sends that failed and will be retried").register(meters);
    }

    /** Takes a row whose transaction has just committed, to send it now. */
    void committed(OutboxRow row) {
        committed.add(row);
        wakeUp.release();
    }

    /**
     * One polling round: sends a batch of unsent rows from the table (only orphaned ones, unless this instance has
     * rows to send again) and answers how many the broker acknowledged.
     */
    public int relayOnce() {
        // Rows acknowledged but not yet marked would otherwise be taken (and sent again) by a round of every row.
        markUnmarked();
        boolean everyRow = sendEveryUnsentRow;
        Batch batch = transactions.execute(status -> {
            List<OutboxRow> rows = jdbc.sql("""
                    SELECT id, topic, message_key, message_type, payload FROM outbox_message
                    WHERE sent_at IS NULL AND (:everyRow OR created_at < CURRENT_TIMESTAMP(6) - INTERVAL :after SECOND)
                    ORDER BY id LIMIT :limit FOR UPDATE""")
                    .param("everyRow", everyRow)
                    .param("after", properties.orphanedAfter().toSeconds())
                    .param("limit", properties.batchSize())
                    .query((rs, n) -> new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)))
                    .list();
            Batch result = send(rows);
            markSent(result.acknowledged());
            return result;
        });
        if (batch != null && everyRow && batch.failedKeys().isEmpty() && batch.size() < properties.batchSize()) {
            sendEveryUnsentRow = false;
            heldKeys.clear();
        }
        return batch == null ? 0 : batch.acknowledged().size();
    }

    /**
     * Sends a batch of the rows committed on this instance, except those of held keys, and marks the acknowledged
     * ones sent; answers how many rows it took.
     */
    int relayCommitted() {
        List<OutboxRow> rows = new ArrayList<>();
        committed.drainTo(rows, properties.batchSize());
        if (rows.isEmpty()) {
            return 0;
        }
        List<OutboxRow> sendable = rows.stream().filter(row -> !heldKeys.contains(row.key())).toList();
        Batch batch = send(sendable);
        if (unmarked.isEmpty()) {
            nextMark = System.nanoTime() + properties.markInterval().toNanos();
        }
        unmarked.addAll(batch.acknowledged());
        if (unmarked.size() >= properties.batchSize() || System.nanoTime() - nextMark >= 0) {
            markUnmarked();
        }
        if (!batch.failedKeys().isEmpty()) {
            heldKeys.addAll(batch.failedKeys());
            sendEveryUnsentRow = true;
        }
        return rows.size();
    }

    /** Marks the acknowledged rows waiting for it; if that fails, they are tried again a poll interval later. */
    private void markUnmarked() {
        if (unmarked.isEmpty()) {
            return;
        }
        try {
            markSent(unmarked);
            unmarked.clear();
        }
        catch (RuntimeException ex) {
            log.warn("Could not mark {} acknowledged outbox rows sent; trying again in {}", unmarked.size(),
                    properties.pollInterval(), ex);
            nextMark = System.nanoTime() + properties.pollInterval().toNanos();
            if (unmarked.size() > 100 * properties.batchSize()) {
                // Left unmarked, they go again once orphaned: a duplicate, which every consumer tolerates.
                unmarked.clear();
            }
        }
    }

    /** Sends the rows together and waits for the broker's answers; a key's rows after a failed one count as failed. */
    private Batch send(List<OutboxRow> rows) {
        List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            sends.add(send(row));
        }
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        Set<String> failedKeys = new HashSet<>();
        List<Long> acknowledged = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            OutboxRow row = rows.get(i);
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (!failedKeys.contains(row.key())) {
                    acknowledged.add(row.id());
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                failedKeys.add(row.key());
            }
            catch (Exception ex) {
                failedKeys.add(row.key());
                failed.increment();
                log.warn("Outbox row {} ({} on {}) not acknowledged; it will be sent again", row.id(), row.type(),
                        row.topic(), ex);
            }
        }
        return new Batch(rows.size(), acknowledged, failedKeys);
    }

    /**
     * Marks the rows sent (in the caller's transaction, if any); a row sent twice (by a round from the table and from
     * memory) is counted once.
     */
    private void markSent(List<Long> ids) {
        if (!ids.isEmpty()) {
            sent.increment(writes.run(() -> jdbc.sql("UPDATE outbox_message SET sent_at = CURRENT_TIMESTAMP(6) "
                    + "WHERE id IN (:ids) AND sent_at IS NULL").param("ids", ids).update()));
        }
    }

    /**
     * Deletes sent rows older than the retention (by the database's clock, which also stamped them), a thousand
     * per statement so that no statement holds many locks; answers how many went.
     */
    public int pruneSent() {
        int total = 0;
        int deleted;
        do {
            deleted = writes.run(() -> jdbc.sql("""
                    DELETE FROM outbox_message
                    WHERE sent_at IS NOT NULL AND sent_at < CURRENT_TIMESTAMP(6) - INTERVAL :seconds SECOND
                    ORDER BY sent_at LIMIT 1000""")
                    .param("seconds", properties.retention().toSeconds())
                    .update());
            total += deleted;
        }
        while (deleted == 1000 && isRunning());
        return total;
    }

    private CompletableFuture<SendResult<String, String>> send(OutboxRow row) {
        try {
            return kafka.send(SagaMessageCodec.record(row.topic(), row.key(), row.type(), row.payload()));
        }
        catch (RuntimeException ex) {
            return CompletableFuture.failedFuture(ex);
        }
    }

    @Override
    protected void work() {
        long nextPrune = System.nanoTime();
        long nextPoll = System.nanoTime();
        while (isRunning() || !committed.isEmpty()) {
            boolean running = isRunning();
            if (running && System.nanoTime() - nextPrune >= 0) {
                nextPrune = System.nanoTime() + properties.pruneInterval().toNanos();
                try {
                    pruneSent();
                }
                catch (RuntimeException ex) {
                    log.warn("Deleting old sent outbox rows failed; trying again in {}", properties.pruneInterval(), ex);
                }
            }
            boolean more = relayCommitted() > 0 && !committed.isEmpty();
            if (!unmarked.isEmpty() && (System.nanoTime() - nextMark >= 0 || !running)) {
                markUnmarked();
            }
            if (running && System.nanoTime() - nextPoll >= 0) {
                nextPoll = System.nanoTime() + properties.pollInterval().toNanos();
                try {
                    more |= relayOnce() >= properties.batchSize();
                }
                catch (RuntimeException ex) {
                    log.warn("Outbox relay round failed; trying again in {}", properties.pollInterval(), ex);
                }
            }
            if (more || !running) {
                continue;
            }
            try {
                long wakeAt = unmarked.isEmpty() ? nextPoll : Math.min(nextPoll, nextMark);
                if (wakeUp.tryAcquire(Math.max(0, wakeAt - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    wakeUp.drainPermits();
                }
            }
            catch (InterruptedException ex) {
                // Not how stop() asks (it wakes the thread): rows left unsent go once orphaned, or at the next start.
                Thread.currentThread().interrupt();
                return;
            }
        }
        markUnmarked();
    }

    /** At start, the first polling round takes every unsent row: the instance that ran before may have left some. */
    @Override
    public synchronized void start() {
        sendEveryUnsentRow = true;
        super.start();
    }

    /** Sends the rows already committed here before the thread ends (bounded by twice the send timeout). */
    @Override
    protected void wake(Thread worker) {
        wakeUp.release();
    }

    /** Stops before the Kafka producer and the data source go away, starts after them. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }

    /** What a batch's sends came to: its size, the rows to mark sent, and the keys that failed. */
    private record Batch(int size, List<Long> acknowledged, Set<String> failedKeys) {
    }
}
