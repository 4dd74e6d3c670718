package io.shopsaga.balance.application;

import io.shopsaga.balance.domain.BalanceRules;
import io.shopsaga.balance.domain.HistoryType;
import io.shopsaga.balance.domain.OrderPayment;
import io.shopsaga.balance.domain.PaymentStatus;
import io.shopsaga.balance.persistence.BalanceRepository;
import io.shopsaga.balance.persistence.PaymentRepository;
import io.shopsaga.defaults.idempotency.IdempotentExecutor;
import io.shopsaga.defaults.persistence.LockFirst;
import io.shopsaga.defaults.persistence.RetryingTransactions;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Every change of a balance goes through here, each in one transaction that updates the balance
 * with a guarded single-row UPDATE (no read-modify-write) and writes its history row.
 */
@Service
public class BalanceService {

    private final BalanceRepository balances;
    private final PaymentRepository payments;
    private final RetryingTransactions transactions;
    private final IdempotentExecutor idempotency;

    public BalanceService(BalanceRepository balances, PaymentRepository payments, RetryingTransactions transactions,
            IdempotentExecutor idempotency) {
        this.balances = balances;
        this.payments = payments;
        this.transactions = transactions;
        this.idempotency = idempotency;
    }

    public BalanceView balanceOf(long userId) {
        return new BalanceView(userId, balances.balanceOf(userId).orElse(0L));
    }

    /** Adds {@code amount}; refused whole when the balance would pass the limit. */
    public BalanceView charge(long userId, long amount, String idempotencyKey) {
        BalanceRules.requireValidCharge(amount);
        return transactions.execute(() -> idempotency.execute("charge:user:" + userId, idempotencyKey,
                new ChargeFingerprint(userId, amount), BalanceView.class, () -> {
                    // Most charges are for an existing account: one guarded UPDATE. Only when it changes nothing
                    // (no account yet, or the limit) is the account created and the UPDATE tried once more.
                    if (!balances.add(userId, amount, BalanceRules.MAX_BALANCE)) {
                        balances.ensureAccount(userId);
                        if (!balances.add(userId, amount, BalanceRules.MAX_BALANCE)) {
                            throw BalanceRules.limitExceeded(userId, amount);
                        }
                    }
                    long after = balances.lockedBalanceOf(userId);
                    balances.appendHistory(userId, HistoryType.CHARGE, amount, after, null);
                    return new BalanceView(userId, after);
                }));
    }

    public HistoryPage history(long userId, int page, int size) {
        return new HistoryPage(balances.history(userId, page, size), page, size, balances.historyCount(userId));
    }

    /**
     * The saga's payment step: takes {@code amount} for {@code orderId} if the balance covers it.
     * The same order id deducts at most once; a repeat answers what the first did.
     */
    public DeductOutcome deductForOrder(long orderId, long userId, long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("A payment amount cannot be negative: " + amount);
        }
        return transactions.execute(() -> {
            if (!payments.claimForDeduct(orderId, userId, amount)) {
                // The duplicate key means the first delivery has committed its row: read it without a lock.
                // (Locking it here would upgrade the shared lock the duplicate check left, and two redeliveries
                // upgrading at once deadlock each other.)
                return outcomeOf(payments.find(orderId).orElseThrow());
            }
            // No account row to make first: the guarded update takes the row's exclusive lock at once (no shared
            // lock to upgrade), and a user without one has nothing to pay with.
            if (!balances.subtract(userId, amount)) {
                payments.updateStatus(orderId, PaymentStatus.REJECTED);
                return new DeductOutcome.Rejected(orderId, BalanceRules.INSUFFICIENT_BALANCE);
            }
            balances.appendHistoryOfLocked(userId, HistoryType.USE, amount, orderId);
            return new DeductOutcome.Deducted(orderId, amount);
        });
    }

    /**
     * The saga's compensation: gives back what {@code orderId} paid, once. A refund for an order that
     * was never deducted records that, so a deduct arriving late for it takes nothing.
     */
    public RefundOutcome refundOrder(long orderId, long userId) {
        return transactions.execute(() -> {
            Optional<OrderPayment> existing = LockFirst.lockOrInsert(() -> payments.lock(orderId),
                    () -> payments.insertCancelled(orderId, userId));
            if (existing.isEmpty()) {
                return new RefundOutcome(orderId, 0);
            }
            OrderPayment payment = existing.get();
            OrderPayment refunded = payment.refund(userId);
            if (!payment.status().refundGivesMoneyBack()) {
                return new RefundOutcome(orderId, 0);
            }
            balances.ensureAccount(userId);
            balances.addUnlimited(userId, payment.amount());
            balances.appendHistoryOfLocked(userId, HistoryType.REFUND, payment.amount(), orderId);
            payments.updateStatus(orderId, refunded.status());
            return new RefundOutcome(orderId, payment.amount());
        });
    }

    /** The payment recorded for an order, if any (for tests and operators). */
    public Optional<OrderPayment> paymentOf(long orderId) {
        return payments.find(orderId);
    }

    private static DeductOutcome outcomeOf(OrderPayment payment) {
        return switch (payment.status()) {
            case DEDUCTED, REFUNDED -> new DeductOutcome.Deducted(payment.orderId(), payment.amount());
            case REJECTED -> new DeductOutcome.Rejected(payment.orderId(), BalanceRules.INSUFFICIENT_BALANCE);
            case CANCELLED -> new DeductOutcome.Rejected(payment.orderId(), "ORDER_CANCELLED");
        };
    }

    /** What identifies a charge request for its idempotency key. */
    private record ChargeFingerprint(long userId, long amount) {
    }
}
