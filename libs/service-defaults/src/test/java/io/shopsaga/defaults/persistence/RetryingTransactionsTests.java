package io.shopsaga.defaults.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.shopsaga.testsupport.TestInfrastructure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lock conflicts are run again only by the code that began the transaction, and steps after commit wait for it,
 * against real transactions on the test database.
 */
class RetryingTransactionsTests {

    private static String database;
    private static TransactionTemplate transactions;
    private static RetryingTransactions retrying;

    @BeforeAll
    static void transactionManager() {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        database = infrastructure.createDatabase("retrying-transactions");
        transactions = new TransactionTemplate(new DataSourceTransactionManager(new DriverManagerDataSource(
                infrastructure.jdbcUrl(database), infrastructure.dbUser(), infrastructure.dbPassword())));
        retrying = new RetryingTransactions(transactions);
    }

    @AfterAll
    static void dropDatabase() {
        TestInfrastructure.get().dropDatabase(database);
    }

    @Test
    void aLockConflictIsRunAgainInANewTransaction() {
        AtomicInteger runs = new AtomicInteger();

        assertThat(retrying.execute(refusedOnce(runs))).isEqualTo("done");
        assertThat(runs).hasValue(2);
    }

    @Test
    void insideARunningTransactionTheConflictGoesToItsOwner() {
        AtomicInteger runs = new AtomicInteger();

        // InnoDB has rolled back the whole transaction of a deadlock victim: running the work again inside it would
        // commit half of it.
        assertThatExceptionOfType(CannotAcquireLockException.class)
                .isThrownBy(() -> transactions.executeWithoutResult(status -> retrying.execute(refusedOnce(runs))));
        assertThat(runs).hasValue(1);
    }

    @Test
    void aStepAfterCommitWaitsForTheCommitAndIsDroppedOnRollback() {
        List<String> steps = new ArrayList<>();

        transactions.executeWithoutResult(status -> {
            AfterCommit.run(() -> steps.add("committed"));
            steps.add("in the transaction");
        });
        transactions.executeWithoutResult(status -> {
            AfterCommit.run(() -> steps.add("rolled back"));
            status.setRollbackOnly();
        });
        AfterCommit.run(() -> steps.add("no transaction"));

        assertThat(steps).containsExactly("in the transaction", "committed", "no transaction");
    }

    private static Supplier<String> refusedOnce(AtomicInteger runs) {
        return () -> {
            if (runs.incrementAndGet() == 1) {
                throw new CannotAcquireLockException("chosen as the deadlock victim");
            }
            return "done";
        };
    }
}
