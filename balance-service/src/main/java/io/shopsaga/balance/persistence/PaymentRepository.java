package io.shopsaga.balance.persistence;

import io.shopsaga.balance.domain.OrderPayment;
import io.shopsaga.balance.domain.PaymentStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One row per order id: the record that makes the saga's payment steps idempotent. */
@Repository
public class PaymentRepository {

    private static final String COLUMNS = "order_id, user_id, amount, status";

    private final JdbcClient jdbc;

    public PaymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the order id for a deduct, recorded as DEDUCTED: what a deduct that goes through leaves, so it needs no
     * second write (one that is refused sets REJECTED in the same transaction; nobody sees the row before the
     * commit). False when a payment (or a cancellation) was recorded before.
     */
    public boolean claimForDeduct(long orderId, long userId, long amount) {
        return insertIfAbsent(orderId, userId, amount, PaymentStatus.DEDUCTED);
    }

    /** Records that a refund came first; false when the order already has a payment row. */
    public boolean insertCancelled(long orderId, long userId) {
        return insertIfAbsent(orderId, userId, 0, PaymentStatus.CANCELLED);
    }

    /**
     * A plain INSERT whose duplicate-key failure is the answer: unlike INSERT IGNORE it hides no other
     * error, and a concurrent insert of the same id waits for the first to commit or roll back. (MySQL
     * keeps the transaction usable after a failed statement.)
     */
    private boolean insertIfAbsent(long orderId, long userId, long amount, PaymentStatus status) {
        try {
            jdbc.sql("INSERT INTO order_payment (" + COLUMNS + ") VALUES (:orderId, :userId, :amount, :status)")
                    .param("orderId", orderId).param("userId", userId).param("amount", amount)
                    .param("status", status.name())
                    .update();
            return true;
        }
        catch (DuplicateKeyException ex) {
            return false;
        }
    }

    public Optional<OrderPayment> lock(long orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM order_payment WHERE order_id = :orderId FOR UPDATE")
                .param("orderId", orderId).query(PaymentRepository::map).optional();
    }

    public Optional<OrderPayment> find(long orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM order_payment WHERE order_id = :orderId")
                .param("orderId", orderId).query(PaymentRepository::map).optional();
    }

    public void updateStatus(long orderId, PaymentStatus status) {
        jdbc.sql("UPDATE order_payment SET status = :status WHERE order_id = :orderId")
                .param("status", status.name()).param("orderId", orderId).update();
    }

    private static OrderPayment map(ResultSet rs, int row) throws SQLException {
        return new OrderPayment(rs.getLong("order_id"), rs.getLong("user_id"), rs.getLong("amount"),
                PaymentStatus.valueOf(rs.getString("status")));
    }
}
