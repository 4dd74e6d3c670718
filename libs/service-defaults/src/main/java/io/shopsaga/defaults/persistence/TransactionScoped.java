package io.shopsaga.defaults.persistence;

import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * State kept for the current transaction as one of its synchronizations, so that it ends with the transaction and a
 * transaction that suspends it (REQUIRES_NEW) starts state of its own; a bound resource would be visible to both.
 */
public final class TransactionScoped {

    private TransactionScoped() {
    }

    /**
     * Whether the caller runs in a transaction with synchronization; false without a transaction. A transaction
     * without synchronization (switched off on its manager) cannot say when it commits, so that case fails.
     */
    public static boolean synchronizationActive() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            return true;
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Transaction synchronization is off: cannot act on this commit");
        }
        return false;
    }

    /** The current transaction's synchronization of this type that {@code owned} accepts; null when there is none. */
    public static <T extends TransactionSynchronization> T find(Class<T> type, Predicate<T> owned) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (type.isInstance(synchronization) && owned.test(type.cast(synchronization))) {
                return type.cast(synchronization);
            }
        }
        return null;
    }

    /** The same, registered from {@code create} when there is none yet; the transaction must be synchronized. */
    public static <T extends TransactionSynchronization> T get(Class<T> type, Predicate<T> owned, Supplier<T> create) {
        if (!synchronizationActive()) {
            throw new IllegalStateException("No transaction to keep state for");
        }
        T found = find(type, owned);
        if (found == null) {
            found = create.get();
            TransactionSynchronizationManager.registerSynchronization(found);
        }
        return found;
    }
}
