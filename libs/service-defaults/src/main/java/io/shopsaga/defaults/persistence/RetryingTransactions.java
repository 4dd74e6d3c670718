package io.shopsaga.defaults.persistence;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a unit of work in a transaction and runs it again, a few times, when the database chose it as
 * a deadlock victim or a lock wait timed out.
 *
 * <p>The guarded updates keep such cases rare, but InnoDB may still pick a victim when many
 * transactions touch the same rows; the work is all-or-nothing, so running it again is safe and the
 * caller never sees a transient lock failure as an error.
 *
 * <p>Inside a transaction that is already running, the work joins it and is not run again here: InnoDB rolls back
 * the whole transaction of a deadlock victim, so only the code that began it can start over (as
 * {@code io.shopsaga.defaults.messaging.BatchTransactions} does, one record at a time).
 */
public class RetryingTransactions {

    private static final Logger log = LoggerFactory.getLogger(RetryingTransactions.class);
    private static final int ATTEMPTS = 5;

    private final TransactionTemplate transactions;

    public RetryingTransactions(TransactionTemplate transactions) {
        this.transactions = transactions;
    }

    public <T> T execute(Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return transactions.execute(status -> work.get());
        }
        for (int attempt = 1;; attempt++) {
            try {
                return transactions.execute(status -> work.get());
            }
            catch (PessimisticLockingFailureException ex) {
                if (attempt == ATTEMPTS) {
                    throw ex;
                }
                log.debug("Lock conflict on attempt {}, running the transaction again", attempt, ex);
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * attempt + 1));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry a transaction", ex);
        }
    }
}
