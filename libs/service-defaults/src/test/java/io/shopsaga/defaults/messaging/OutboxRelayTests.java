package io.shopsaga.defaults.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shopsaga.contracts.ReleaseStock;
import io.shopsaga.contracts.ReserveStock;
import io.shopsaga.contracts.SagaMessage;
import io.shopsaga.contracts.Topics;
import io.shopsaga.defaults.persistence.StandaloneWrites;
import io.shopsaga.testsupport.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox and its relay against a real outbox table and a broker stand-in that can refuse sends: a transaction's
 * rows are written together when it commits, or not at all; rows committed here go from memory in commit order; a failed one, and its key's later rows, go again from the table in id order; the polling
 * rounds leave young rows to the instance that committed them, except at start.
 */
class OutboxRelayTests {

    private static String database;
    private static DriverManagerDataSource dataSource;
    private static JdbcClient jdbc;
    private static TransactionTemplate transactions;

    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final List<OutboxRow> handed = new CopyOnWriteArrayList<>();
    private final Set<String> refusedOnce = ConcurrentHashMap.newKeySet();
    private final SagaMessageCodec codec = new SagaMessageCodec(JsonMapper.builder().build());
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private KafkaOperations<String, String> kafka;
    private OutboxRelay relay;
    private Outbox outbox;

    @BeforeAll
    static void createTable() {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        database = infrastructure.createDatabase("outbox-relay");
        dataSource = new DriverManagerDataSource(infrastructure.jdbcUrl(database),
                infrastructure.dbUser(), infrastructure.dbPassword());
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        jdbc.sql("""
                CREATE TABLE outbox_message (
                    id BIGINT NOT NULL AUTO_INCREMENT, topic VARCHAR(200) NOT NULL, message_key VARCHAR(100) NOT NULL,
                    message_type VARCHAR(100) NOT NULL, payload MEDIUMTEXT NOT NULL,
                    created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), sent_at TIMESTAMP(6) NULL,
                    PRIMARY KEY (id), KEY ix_outbox_message_unsent (sent_at, id))""").update();
    }

    @AfterAll
    static void dropDatabase() {
        TestInfrastructure.get().dropDatabase(database);
    }

    @BeforeEach
    @SuppressWarnings("unchecked")
    void newRelay() {
        jdbc.sql("DELETE FROM outbox_message").update();
        KafkaOperations<String, String> kafka = mock(KafkaOperations.class);
        when(kafka.send(any(ProducerRecord.class))).thenAnswer(invocation -> {
            ProducerRecord<String, String> record = invocation.getArgument(0);
            String message = record.key() + ":" + new String(record.headers().lastHeader("shopsaga-type").value());
            if (refusedOnce.remove(record.key())) {
                return CompletableFuture.failedFuture(new IllegalStateException("broker unavailable"));
            }
            sent.add(message);
            return CompletableFuture.completedFuture(null);
        });
        this.kafka = kafka;
        relay = relayMarkingAfter(Duration.ZERO);
        outbox = new Outbox(jdbc, codec, row -> {
            handed.add(row);
            relay.committed(row);
        });
    }

    /** A relay on the test's table; most tests mark acknowledged rows at once ({@code markInterval} 0). */
    private OutboxRelay relayMarkingAfter(Duration markInterval) {
        return relay(Duration.ofMillis(500), markInterval);
    }

    private OutboxRelay relay(Duration pollInterval, Duration markInterval) {
        return new OutboxRelay(jdbc, transactions, new StandaloneWrites(dataSource, transactions), kafka,
                properties(pollInterval, Duration.ofDays(7), markInterval), meters);
    }

    private static OutboxProperties properties(Duration retention, Duration markInterval) {
        return properties(Duration.ofMillis(500), retention, markInterval);
    }

    private static OutboxProperties properties(Duration pollInterval, Duration retention, Duration markInterval) {
        return new OutboxProperties(true, pollInterval, 200, Duration.ofSeconds(1), Duration.ofSeconds(20), retention,
                Duration.ofMinutes(5), markInterval);
    }

    @Test
    void acknowledgedRowsWaitForTheMarkIntervalAndAreMarkedTogetherBeforeARoundReadsTheTable() {
        relay = relayMarkingAfter(Duration.ofHours(1));
        commit(reserve(21));
        relay.relayCommitted();
        commit(reserve(22));
        relay.relayCommitted();
        assertThat(sent).containsExactly("21:ReserveStock", "22:ReserveStock");
        assertThat(unsentKeys()).containsExactly("21", "22"); // acknowledged, not marked yet

        // At start a round takes every unsent row, but first marks those acknowledged: none goes twice.
        assertThat(relay.relayOnce()).isZero();

        assertThat(sent).hasSize(2);
        assertThat(unsentKeys()).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT sent_at) FROM outbox_message").query(Long.class).single())
                .isEqualTo(1); // one UPDATE
        assertThat(meters.counter("shopsaga.outbox.sent").count()).isEqualTo(2);
    }

    @Test
    void theRelaysThreadMarksAcknowledgedRowsOnceTheIntervalHasPassedAndOnItsWayOut() {
        relay = startedAfterItsFirstRound(Duration.ofMillis(300), reserve(30));
        try {
            commit(reserve(31));
            await().atMost(Duration.ofSeconds(5)).until(() -> sent.contains("31:ReserveStock"));
            await().atMost(Duration.ofSeconds(5)).until(() -> unsentKeys().isEmpty());
        }
        finally {
            relay.stop();
        }

        relay = startedAfterItsFirstRound(Duration.ofHours(1), reserve(32));
        try {
            commit(reserve(33));
            await().atMost(Duration.ofSeconds(5)).until(() -> sent.contains("33:ReserveStock"));
            assertThat(unsentKeys()).containsExactly("33");
        }
        finally {
            relay.stop();
        }
        assertThat(unsentKeys()).isEmpty();
        assertThat(sent).containsExactly("30:ReserveStock", "31:ReserveStock", "32:ReserveStock", "33:ReserveStock");
    }

    /**
     * A relay whose thread has run its first round, the one at start that takes every unsent row from the table: it
     * has sent and marked {@code leftOver}, a row no relay held, so the rows committed from now on go from memory.
     * Its next round is an hour away (a round marks the acknowledged rows first).
     */
    private OutboxRelay startedAfterItsFirstRound(Duration markInterval, SagaMessage leftOver) {
        insertUnsent(leftOver);
        OutboxRelay started = relay(Duration.ofHours(1), markInterval);
        started.start();
        String key = Long.toString(leftOver.orderId());
        await().atMost(Duration.ofSeconds(5)).until(() -> !unsentKeys().contains(key));
        return started;
    }

    /**
     * A pool whose connections do not auto-commit rolls back what a connection handed back has not committed: the
     * relay's marks and deletions, made outside any transaction of the caller's, must commit by themselves.
     */
    @Test
    void whereThePoolDoesNotAutoCommitTheRelaysMarksAndDeletionsAreCommitted() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(TestInfrastructure.get().jdbcUrl(database));
        config.setUsername(TestInfrastructure.get().dbUser());
        config.setPassword(TestInfrastructure.get().dbPassword());
        config.setAutoCommit(false);
        config.setMaximumPoolSize(1);
        try (HikariDataSource manual = new HikariDataSource(config)) {
            JdbcClient manualJdbc = JdbcClient.create(manual);
            TransactionTemplate manualTransactions = new TransactionTemplate(new DataSourceTransactionManager(manual));
            StandaloneWrites writes = new StandaloneWrites(manual, manualTransactions);
            OutboxRelay manualRelay = new OutboxRelay(manualJdbc, manualTransactions, writes, kafka,
                    properties(Duration.ZERO, Duration.ZERO), meters);
            Outbox manualOutbox = new Outbox(manualJdbc, codec, manualRelay::committed);
            manualTransactions.executeWithoutResult(status -> manualOutbox.add(Topics.STOCK_COMMANDS, reserve(11)));

            assertThat(writes.autoCommit()).isFalse();
            assertThat(manualRelay.relayCommitted()).isEqualTo(1);

            assertThat(sent).containsExactly("11:ReserveStock");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_message WHERE sent_at IS NOT NULL").query(Long.class)
                    .single()).isEqualTo(1);
            assertThat(manualRelay.pruneSent()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_message").query(Long.class).single()).isZero();
        }
    }

    @Test
    void rowsCommittedHereGoFromMemoryInCommitOrderAndAreMarkedSent() {
        commit(reserve(1), reserve(2));
        commit(release(1));
        transactions.executeWithoutResult(status -> {
            outbox.add(Topics.STOCK_COMMANDS, reserve(3));
            status.setRollbackOnly();
        });

        assertThat(relay.relayCommitted()).isEqualTo(3);

        assertThat(sent).containsExactly("1:ReserveStock", "2:ReserveStock", "1:ReleaseStock");
        assertThat(unsentKeys()).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_message").query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aTransactionsRowsAreWrittenTogetherAndHandedOverInOrderWithTheIdsTheTableGaveThem() {
        int count = 2 * Outbox.ROWS_PER_STATEMENT + 7; // three INSERT statements
        SagaMessage[] messages = new SagaMessage[count];
        for (int i = 0; i < count; i++) {
            messages[i] = i % 3 == 0 ? release(1000 + i) : reserve(1000 + i);
        }
        commit(reserve(1));
        commit(messages);

        assertThat(handed).hasSize(count + 1);
        List<OutboxRow> rows = handed.subList(1, count + 1);
        for (int i = 0; i < count; i++) {
            OutboxRow row = rows.get(i);
            assertThat(row.key()).isEqualTo(Long.toString(1000 + i));
            assertThat(row.id()).isGreaterThan(handed.get(i).id());
            assertThat(jdbc.sql("SELECT CONCAT(message_key, ':', message_type) FROM outbox_message WHERE id = :id")
                    .param("id", row.id()).query(String.class).single())
                    .isEqualTo(row.key() + ":" + row.type());
        }
        assertThat(relay.relayCommitted()).isEqualTo(Math.min(200, count + 1));
        relay.relayCommitted();
        assertThat(unsentKeys()).isEmpty();
        assertThat(sent).hasSize(count + 1).endsWith((1000 + count - 1) + ":ReserveStock");
    }

    @Test
    void aRowThatCannotBeWrittenRollsBackTheTransactionsOtherWork() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS state_change (id BIGINT PRIMARY KEY)").update();
        jdbc.sql("DELETE FROM state_change").update();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            jdbc.sql("INSERT INTO state_change (id) VALUES (1)").update();
            outbox.add(Topics.STOCK_COMMANDS, reserve(1));
            outbox.add("t".repeat(201), reserve(2)); // longer than the topic column
        })).isInstanceOf(DataAccessException.class);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM state_change").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_message").query(Long.class).single()).isZero();
        assertThat(handed).isEmpty();
    }

    @Test
    void aTransactionRunInsideAnotherKeepsItsOwnRowsAndRowsAddedWhileCommittingAreWrittenToo() {
        TransactionTemplate inner = new TransactionTemplate(transactions.getTransactionManager());
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        transactions.executeWithoutResult(status -> {
            outbox.add(Topics.STOCK_COMMANDS, reserve(1));
            inner.executeWithoutResult(innerStatus -> {
                outbox.add(Topics.STOCK_COMMANDS, reserve(2));
                innerStatus.setRollbackOnly();
            });
            inner.executeWithoutResult(innerStatus -> outbox.add(Topics.STOCK_COMMANDS, reserve(3)));
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    outbox.add(Topics.STOCK_COMMANDS, release(1));
                }
            });
        });

        assertThat(handed).extracting(row -> row.key() + ":" + row.type())
                .containsExactly("3:ReserveStock", "1:ReserveStock", "1:ReleaseStock");
        assertThat(jdbc.sql("SELECT CONCAT(message_key, ':', message_type) FROM outbox_message ORDER BY id")
                .query(String.class).list())
                .containsExactly("3:ReserveStock", "1:ReserveStock", "1:ReleaseStock");
    }

    @Test
    void aFailedSendHoldsItsKeyUntilARoundFromTheTableHasSentItsRowsInOrder() {
        assertThat(relay.relayOnce()).isZero();
        refusedOnce.add("7");
        commit(reserve(7));
        relay.relayCommitted();
        assertThat(sent).isEmpty();

        commit(release(7), reserve(8));
        relay.relayCommitted();
        assertThat(sent).containsExactly("8:ReserveStock");
        assertThat(unsentKeys()).containsExactly("7", "7");

        // The rows are seconds young, but this instance has rows to send again: the round takes every unsent row.
        assertThat(relay.relayOnce()).isEqualTo(2);
        assertThat(sent).containsExactly("8:ReserveStock", "7:ReserveStock", "7:ReleaseStock");
        assertThat(unsentKeys()).isEmpty();

        commit(reserve(7));
        relay.relayCommitted();
        assertThat(sent).endsWith("7:ReserveStock");
        assertThat(unsentKeys()).isEmpty();
    }

    @Test
    void atStartARoundSendsEveryUnsentRowThenOnlyOrphanedOnes() {
        insertUnsent(reserve(4));

        assertThat(relay.relayOnce()).isEqualTo(1);
        assertThat(sent).containsExactly("4:ReserveStock");

        long young = insertUnsent(reserve(5));
        assertThat(relay.relayOnce()).isZero();
        assertThat(unsentKeys()).containsExactly("5");

        jdbc.sql("UPDATE outbox_message SET created_at = created_at - INTERVAL 21 SECOND WHERE id = :id")
                .param("id", young).update();
        assertThat(relay.relayOnce()).isEqualTo(1);
        assertThat(sent).containsExactly("4:ReserveStock", "5:ReserveStock");
    }

    @Test
    void aRowSentByARoundFromTheTableAndAgainFromMemoryIsCountedOnce() {
        commit(reserve(9));

        assertThat(relay.relayOnce()).isEqualTo(1); // at start: every unsent row, this one included
        relay.relayCommitted();

        assertThat(sent).containsExactly("9:ReserveStock", "9:ReserveStock"); // at least once
        assertThat(meters.counter("shopsaga.outbox.sent").count()).isEqualTo(1);
        assertThat(unsentKeys()).isEmpty();
    }

    private void commit(SagaMessage... messages) {
        transactions.executeWithoutResult(status -> {
            for (SagaMessage message : messages) {
                outbox.add(Topics.of(message), message);
            }
        });
    }

    /** A row committed by an instance that is gone: no relay holds it in memory. */
    private long insertUnsent(SagaMessage message) {
        KeyHolder id = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO outbox_message (topic, message_key, message_type, payload) "
                        + "VALUES (:topic, :key, :type, :payload)")
                .param("topic", Topics.of(message)).param("key", Long.toString(message.orderId()))
                .param("type", message.getClass().getSimpleName()).param("payload", codec.toJson(message))
                .update(id);
        return id.getKey().longValue();
    }

    private List<String> unsentKeys() {
        return jdbc.sql("SELECT message_key FROM outbox_message WHERE sent_at IS NULL ORDER BY id").query(String.class)
                .list();
    }

    private static ReserveStock reserve(long orderId) {
        return new ReserveStock(UUID.randomUUID(), orderId, Instant.now(), List.of(new ReserveStock.Item(1, 1)));
    }

    private static ReleaseStock release(long orderId) {
        return new ReleaseStock(UUID.randomUUID(), orderId, Instant.now());
    }
}
