package io.shopsaga.balance.persistence;

import io.shopsaga.balance.application.HistoryEntry;
import io.shopsaga.balance.domain.HistoryType;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Balances and their history in explicit SQL. Every change is one guarded UPDATE, so concurrent
 * changes of one user serialise on the row lock and none is lost.
 */
@Repository
public class BalanceRepository {

    private final JdbcClient jdbc;

    public BalanceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Long> balanceOf(long userId) {
        return jdbc.sql("SELECT balance FROM balance_account WHERE user_id = :userId")
                .param("userId", userId).query(Long.class).optional();
    }

    /** The balance of a row this transaction has already locked by changing it. */
    public long lockedBalanceOf(long userId) {
        return balanceOf(userId).orElseThrow();
    }

    /**
     * Makes sure the account row exists and takes its exclusive lock right away, so two first
     * charges of one user never both hold a shared lock and deadlock upgrading it.
     */
    public void ensureAccount(long userId) {
        jdbc.sql("INSERT INTO balance_account (user_id, balance) VALUES (:userId, 0) "
                + "ON DUPLICATE KEY UPDATE user_id = user_id")
                .param("userId", userId).update();
    }

    /** Adds {@code amount} unless the balance would pass {@code max}; false when refused. */
    public boolean add(long userId, long amount, long max) {
        return jdbc.sql("UPDATE balance_account SET balance = balance + :amount "
                + "WHERE user_id = :userId AND balance <= :max - :amount")
                .param("amount", amount).param("userId", userId).param("max", max)
                .update() == 1;
    }

    /** Adds {@code amount} without a ceiling: a refund gives back what was taken, whatever the balance is now. */
    public void addUnlimited(long userId, long amount) {
        jdbc.sql("UPDATE balance_account SET balance = balance + :amount WHERE user_id = :userId")
                .param("amount", amount).param("userId", userId).update();
    }

    /** Takes {@code amount} if the balance covers it; false when it does not. */
    public boolean subtract(long userId, long amount) {
        return jdbc.sql("UPDATE balance_account SET balance = balance - :amount "
                + "WHERE user_id = :userId AND balance >= :amount")
                .param("amount", amount).param("userId", userId)
                .update() == 1;
    }

    public void appendHistory(long userId, HistoryType type, long amount, long balanceAfter, Long orderId) {
        jdbc.sql("INSERT INTO balance_history (user_id, type, amount, balance_after, order_id) "
                + "VALUES (:userId, :type, :amount, :balanceAfter, :orderId)")
                .param("userId", userId).param("type", type.name()).param("amount", amount)
                .param("balanceAfter", balanceAfter).param("orderId", orderId)
                .update();
    }

    /**
     * Appends a history entry with the balance the account has now, read by the same statement; for a change whose
     * caller needs the new balance only in the history. The account row must be locked by this transaction already.
     */
    public void appendHistoryOfLocked(long userId, HistoryType type, long amount, Long orderId) {
        int appended = jdbc.sql("INSERT INTO balance_history (user_id, type, amount, balance_after, order_id) "
                        + "SELECT user_id, :type, :amount, balance, :orderId FROM balance_account WHERE user_id = :userId")
                .param("userId", userId).param("type", type.name()).param("amount", amount)
                .param("orderId", orderId)
                .update();
        if (appended != 1) {
            throw new IllegalStateException("No account of user " + userId + " to record the history of");
        }
    }

    public List<HistoryEntry> history(long userId, int page, int size) {
        return jdbc.sql("SELECT type, amount, balance_after, order_id, created_at FROM balance_history "
                + "WHERE user_id = :userId ORDER BY id DESC LIMIT :size OFFSET :offset")
                .param("userId", userId).param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new HistoryEntry(
                        HistoryType.valueOf(rs.getString("type")),
                        rs.getLong("amount"),
                        rs.getLong("balance_after"),
                        rs.getObject("order_id", Long.class),
                        rs.getTimestamp("created_at").toInstant().atOffset(ZoneOffset.UTC)))
                .list();
    }

    public long historyCount(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM balance_history WHERE user_id = :userId")
                .param("userId", userId).query(Long.class).single();
    }
}
