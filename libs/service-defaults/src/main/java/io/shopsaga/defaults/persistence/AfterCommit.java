package io.shopsaga.defaults.persistence;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a step once the caller's transaction has committed, and never if it rolls back; at once when there is no
 * transaction. For what must not be seen before the state it reports is durable: a message handed to the relay, an
 * outcome handed to a waiting client. A transaction without synchronization (switched off on its manager) cannot
 * say when it commits, so that case fails rather than run the step too early.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    public static void run(Runnable step) {
        if (!TransactionScoped.synchronizationActive()) {
            step.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                step.run();
            }
        });
    }
}
