package io.shopsaga.defaults.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox's unsent rows to Kafka in id order and marks a row sent only once the broker acknowledged it
 * (the producer runs with {@code acks=all} and idempotence on); a row whose send failed stays unsent and goes
 * again in a later round, so delivery is at least once.
 *
 * <p>A round locks the rows it sends ({@code SELECT ... FOR UPDATE}): a second instance waits for it instead of
 * sending the same rows in another order. Within a round, once a key's send has failed, its later rows are not
 * marked sent either, so one order's messages are (re-)sent in their original order. Sent rows are deleted once
 * older than {@code shopsaga.outbox.retention}.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaOperations<String, String> kafka;
    private final OutboxProperties properties;
    private final Counter sent;
    private final Counter failed;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaOperations<String, String> kafka,
            OutboxProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.properties = properties;
        this.sent = Counter.builder("shopsaga.outbox.sent").description("Outbox messages acknowledged by Kafka")
                .register(meters);
        this.failed = Counter.builder("shopsaga.outbox.send.failures")
                .description("Outbox sends that failed and will be retried").register(meters);
    }

    /** Asks for a round now (called after a transaction that wrote to the outbox has committed). */
    public void wakeUp() {
        wakeUp.release();
    }

    /** Sends one batch of unsent rows and answers how many the broker acknowledged. */
    public int relayOnce() {
        Integer count = transactions.execute(status -> {
            List<Row> rows = jdbc.sql("""
                    SELECT id, topic, message_key, message_type, payload FROM outbox_message
                    WHERE sent_at IS NULL ORDER BY id LIMIT :limit FOR UPDATE""")
                    .param("limit", properties.batchSize())
                    .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>(rows.size());
            for (Row row : rows) {
                sends.add(send(row));
            }
            long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
            Set<String> failedKeys = new HashSet<>();
            List<Long> acknowledged = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
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
                    log.warn("Outbox row {} ({} on {}) not acknowledged; it will be sent again", row.id(),
                            row.type(), row.topic(), ex);
                }
            }
            if (!acknowledged.isEmpty()) {
                jdbc.sql("UPDATE outbox_message SET sent_at = CURRENT_TIMESTAMP(6) WHERE id IN (:ids)")
                        .param("ids", acknowledged).update();
                sent.increment(acknowledged.size());
            }
            return acknowledged.size();
        });
        return count == null ? 0 : count;
    }

    /**
     * Deletes sent rows older than the retention (by the database's clock, which also stamped them), a thousand
     * per statement so that no statement holds many locks; answers how many went.
     */
    public int pruneSent() {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.sql("""
                    DELETE FROM outbox_message
                    WHERE sent_at IS NOT NULL AND sent_at < CURRENT_TIMESTAMP(6) - INTERVAL :seconds SECOND
                    ORDER BY sent_at LIMIT 1000""")
                    .param("seconds", properties.retention().toSeconds())
                    .update();
            total += deleted;
        }
        while (deleted == 1000 && running);
        return total;
    }

    private CompletableFuture<SendResult<String, String>> send(Row row) {
        try {
            return kafka.send(SagaMessageCodec.record(row.topic(), row.key(), row.type(), row.payload()));
        }
        catch (RuntimeException ex) {
            return CompletableFuture.failedFuture(ex);
        }
    }

    private void loop() {
        long nextPrune = System.nanoTime();
        while (running) {
            if (System.nanoTime() - nextPrune >= 0) {
                nextPrune = System.nanoTime() + properties.pruneInterval().toNanos();
                try {
                    pruneSent();
                }
                catch (RuntimeException ex) {
                    log.warn("Deleting old sent outbox rows failed; trying again in {}", properties.pruneInterval(), ex);
                }
            }
            try {
                if (relayOnce() >= properties.batchSize()) {
                    continue;
                }
            }
            catch (RuntimeException ex) {
                log.warn("Outbox relay round failed; trying again in {}", properties.pollInterval(), ex);
            }
            try {
                if (wakeUp.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                    wakeUp.drainPermits();
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon(true).start(this::loop);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(properties.sendTimeout().toMillis());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the Kafka producer and the data source go away, starts after them. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }

    private record Row(long id, String topic, String key, String type, String payload) {
    }
}
