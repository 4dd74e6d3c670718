package io.shopsaga.defaults.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.shopsaga.defaults.persistence.RetryingTransactions;
import io.shopsaga.testsupport.TestInfrastructure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A poll's records against a real table whose primary key refuses a record applied twice: together in one
 * transaction when they can be, one by one when the batch fails, and the first that fails alone is named.
 */
class BatchTransactionsTests {

    private static String database;
    private static DriverManagerDataSource dataSource;
    private static JdbcClient jdbc;
    private static BatchTransactions batches;

    /** The transaction (its connection holder) each record was applied in, in the order applied. */
    private final List<Object> transactionOfEach = new ArrayList<>();
    private final List<String> attempts = new ArrayList<>();

    @BeforeAll
    static void createTable() {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        database = infrastructure.createDatabase("batch-transactions");
        dataSource = new DriverManagerDataSource(infrastructure.jdbcUrl(database), infrastructure.dbUser(),
                infrastructure.dbPassword());
        jdbc = JdbcClient.create(dataSource);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        batches = new BatchTransactions(transactions, new RetryingTransactions(transactions));
        jdbc.sql("CREATE TABLE applied (record_key VARCHAR(20) NOT NULL, PRIMARY KEY (record_key))").update();
    }

    @AfterAll
    static void dropDatabase() {
        TestInfrastructure.get().dropDatabase(database);
    }

    @BeforeEach
    void emptyTable() {
        jdbc.sql("DELETE FROM applied").update();
    }

    @Test
    void aPollIsAppliedInOneTransaction() {
        batches.applyEach(records("a", "b", "c"), insert());

        assertThat(applied()).containsExactly("a", "b", "c");
        assertThat(attempts).containsExactly("a", "b", "c");
        assertThat(distinct(transactionOfEach)).hasSize(1);
    }

    @Test
    void aFailedBatchKeepsNothingAndItsRecordsAreAppliedAloneUpToTheOneThatFails() {
        Consumer<ConsumerRecord<String, String>> work = record -> {
            if (record.key().equals("bad")) {
                attempts.add(record.key());
                throw new IllegalStateException("cannot apply " + record.key());
            }
            insert().accept(record);
        };
        List<ConsumerRecord<String, String>> poll = records("a", "b", "bad", "d");

        // Had the batch's rows of a and b been kept, applying them alone would break the primary key at a.
        assertThatExceptionOfType(BatchListenerFailedException.class).isThrownBy(() -> batches.applyEach(poll, work))
                .satisfies(ex -> assertThat(ex.getRecord()).isSameAs(poll.get(2)))
                .withRootCauseInstanceOf(IllegalStateException.class);
        assertThat(applied()).containsExactly("a", "b");
        assertThat(attempts).containsExactly("a", "b", "bad", "a", "b", "bad");
        assertThat(distinct(transactionOfEach)).hasSize(3);
    }

    @Test
    void aLockConflictIsRunAgainByTheTransactionThatOwnsTheRecord() {
        List<String> refusals = new ArrayList<>(List.of("b", "b"));
        Consumer<ConsumerRecord<String, String>> work = record -> {
            if (refusals.remove(record.key())) {
                attempts.add(record.key());
                throw new CannotAcquireLockException("deadlock on " + record.key());
            }
            insert().accept(record);
        };

        batches.applyEach(records("a", "b", "c"), work);

        // The batch fails at b; alone, b is refused once more, then run again in a new transaction.
        assertThat(applied()).containsExactly("a", "b", "c");
        assertThat(attempts).containsExactly("a", "b", "a", "b", "b", "c");
    }

    @Test
    void aSingleRecordIsAppliedInItsOwnTransactionOnce() {
        batches.applyEach(records("a"), insert());

        assertThat(applied()).containsExactly("a");
        assertThat(attempts).containsExactly("a");
    }

    private Consumer<ConsumerRecord<String, String>> insert() {
        return record -> {
            attempts.add(record.key());
            transactionOfEach.add(TransactionSynchronizationManager.getResource(dataSource));
            jdbc.sql("INSERT INTO applied (record_key) VALUES (?)").param(record.key()).update();
        };
    }

    private static List<ConsumerRecord<String, String>> records(String... keys) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int offset = 0; offset < keys.length; offset++) {
            records.add(new ConsumerRecord<>("some.commands.v1", 0, offset, keys[offset], "{}"));
        }
        return records;
    }

    private static List<String> applied() {
        return jdbc.sql("SELECT record_key FROM applied ORDER BY record_key").query(String.class).list();
    }

    private static Set<Object> distinct(List<Object> transactions) {
        Set<Object> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        distinct.addAll(transactions);
        return distinct;
    }
}
