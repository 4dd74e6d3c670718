package io.shopsaga.coupon.persistence;

import io.shopsaga.coupon.domain.CouponUse;
import io.shopsaga.coupon.domain.CouponUseStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One row per order id: the record that makes the saga's coupon steps idempotent. */
@Repository
public class CouponUseRepository {

    private static final String COLUMNS = "order_id, issued_coupon_id, user_id, status, discount";

    private final JdbcClient jdbc;

    public CouponUseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the order id for a use (recorded REJECTED until it succeeds); false when the order has a record. */
    public boolean insertPending(long orderId, long issuedCouponId, long userId) {
        return insertIfAbsent(orderId, issuedCouponId, userId, CouponUseStatus.REJECTED);
    }

    /** Records that a restore came first; false when the order already has a record. */
    public boolean insertCancelled(long orderId) {
        return insertIfAbsent(orderId, null, null, CouponUseStatus.CANCELLED);
    }

    /**
     * A plain INSERT whose duplicate-key failure is the answer: a concurrent insert of the same order id
     * waits for the first to commit or roll back, and no other error is hidden.
     */
    private boolean insertIfAbsent(long orderId, Long issuedCouponId, Long userId, CouponUseStatus status) {
        try {
            jdbc.sql("INSERT INTO coupon_use (order_id, issued_coupon_id, user_id, status) "
                    + "VALUES (:orderId, :issuedCouponId, :userId, :status)")
                    .param("orderId", orderId).param("issuedCouponId", issuedCouponId).param("userId", userId)
                    .param("status", status.name())
                    .update();
            return true;
        }
        catch (DuplicateKeyException ex) {
            return false;
        }
    }

    public Optional<CouponUse> lock(long orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM coupon_use WHERE order_id = :orderId FOR UPDATE")
                .param("orderId", orderId).query(CouponUseRepository::map).optional();
    }

    public Optional<CouponUse> find(long orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM coupon_use WHERE order_id = :orderId")
                .param("orderId", orderId).query(CouponUseRepository::map).optional();
    }

    public void update(long orderId, CouponUseStatus status, long discount) {
        jdbc.sql("UPDATE coupon_use SET status = :status, discount = :discount WHERE order_id = :orderId")
                .param("status", status.name()).param("discount", discount).param("orderId", orderId)
                .update();
    }

    private static CouponUse map(ResultSet rs, int row) throws SQLException {
        return new CouponUse(rs.getLong("order_id"), rs.getObject("issued_coupon_id", Long.class),
                rs.getObject("user_id", Long.class), CouponUseStatus.valueOf(rs.getString("status")),
                rs.getLong("discount"));
    }
}
