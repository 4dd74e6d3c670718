package io.shopsaga.coupon.persistence;

import io.shopsaga.coupon.domain.DiscountType;
import io.shopsaga.coupon.domain.IssuedCoupon;
import io.shopsaga.coupon.domain.IssuedCouponStatus;
import io.shopsaga.defaults.persistence.SqlRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Coupons users hold. UNIQUE (coupon_id, user_id) is the last word on "one per user"; status changes are
 * guarded single-row UPDATEs, so two orders racing for one coupon cannot both use it.
 */
@Repository
public class IssuedCouponRepository {

    private static final String SELECT_WITH_TERMS = "SELECT ic.id, ic.coupon_id, ic.user_id, ic.status, ic.issued_at, "
            + "c.name, c.discount_type, c.discount_value FROM issued_coupon ic JOIN coupon c ON c.id = ic.coupon_id ";

    private final JdbcClient jdbc;

    public IssuedCouponRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The new row's id, or empty when this user already holds this coupon. */
    public Optional<Long> insert(long couponId, long userId, Instant issuedAt) {
        KeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("INSERT INTO issued_coupon (coupon_id, user_id, status, issued_at) "
                    + "VALUES (:couponId, :userId, 'AVAILABLE', :issuedAt)")
                    .param("couponId", couponId).param("userId", userId)
                    .param("issuedAt", Timestamps.toColumn(issuedAt))
                    .update(key);
            return Optional.of(key.getKey().longValue());
        }
        catch (DuplicateKeyException ex) {
            return Optional.empty();
        }
    }

    /**
     * Inserts one AVAILABLE coupon of the campaign per user in one statement and answers each user's new id (read
     * back by the unique key: auto-increment values of a multi-row insert need not be consecutive). A user already
     * holding one fails the whole statement ({@link DuplicateKeyException}).
     */
    public Map<Long, Long> insertAll(long couponId, Map<Long, Instant> issuedAtByUser) {
        List<Object> values = new ArrayList<>();
        issuedAtByUser.forEach((userId, issuedAt) -> values.addAll(List.of(couponId, userId,
                Timestamps.toColumn(issuedAt))));
        jdbc.sql("INSERT INTO issued_coupon (coupon_id, user_id, status, issued_at) VALUES "
                        + SqlRows.repeat("(?, ?, 'AVAILABLE', ?)", issuedAtByUser.size()))
                .params(values)
                .update();
        Map<Long, Long> ids = new HashMap<>();
        jdbc.sql("SELECT user_id, id FROM issued_coupon WHERE coupon_id = :couponId AND user_id IN (:users)")
                .param("couponId", couponId).param("users", issuedAtByUser.keySet())
                .query(rs -> {
                    ids.put(rs.getLong(1), rs.getLong(2));
                });
        return ids;
    }

    public Optional<IssuedCoupon> find(long id) {
        return jdbc.sql(SELECT_WITH_TERMS + "WHERE ic.id = :id")
                .param("id", id).query(IssuedCouponRepository::map).optional();
    }

    public List<IssuedCoupon> findByUser(long userId) {
        return jdbc.sql(SELECT_WITH_TERMS + "WHERE ic.user_id = :userId ORDER BY ic.id")
                .param("userId", userId).query(IssuedCouponRepository::map).list();
    }

    /** One page of a campaign's holders in user-id order (keyset paging on the unique index). */
    public List<Holder> holdersAfter(long couponId, long afterUserId, int limit) {
        return jdbc.sql("SELECT user_id, issued_at FROM issued_coupon WHERE coupon_id = :couponId "
                + "AND user_id > :after ORDER BY user_id LIMIT :limit")
                .param("couponId", couponId).param("after", afterUserId).param("limit", limit)
                .query((rs, n) -> new Holder(rs.getLong("user_id"), Timestamps.read(rs, "issued_at")))
                .list();
    }

    /** Which of {@code userIds} hold the campaign's coupon. */
    public Set<Long> holdersAmong(long couponId, Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT user_id FROM issued_coupon WHERE coupon_id = :couponId "
                + "AND user_id IN (:userIds)")
                .param("couponId", couponId).param("userIds", userIds)
                .query(Long.class).list());
    }

    public long countFor(long couponId) {
        return jdbc.sql("SELECT COUNT(*) FROM issued_coupon WHERE coupon_id = :couponId")
                .param("couponId", couponId).query(Long.class).single();
    }

    /** Marks the coupon used by {@code orderId} if it is this user's and AVAILABLE; false otherwise. */
    public boolean markUsed(long id, long userId, long orderId, Instant at) {
        return jdbc.sql("UPDATE issued_coupon SET status = 'USED', used_by_order_id = :orderId, used_at = :at "
                + "WHERE id = :id AND user_id = :userId AND status = 'AVAILABLE'")
                .param("orderId", orderId).param("at", Timestamps.toColumn(at)).param("id", id)
                .param("userId", userId)
                .update() == 1;
    }

    /** Makes the coupon AVAILABLE again if {@code orderId} is what used it; false otherwise. */
    public boolean markAvailable(long id, long orderId) {
        return jdbc.sql("UPDATE issued_coupon SET status = 'AVAILABLE', used_by_order_id = NULL, used_at = NULL "
                + "WHERE id = :id AND status = 'USED' AND used_by_order_id = :orderId")
                .param("id", id).param("orderId", orderId)
                .update() == 1;
    }

    private static IssuedCoupon map(ResultSet rs, int row) throws SQLException {
        return new IssuedCoupon(rs.getLong("id"), rs.getLong("coupon_id"), rs.getLong("user_id"),
                IssuedCouponStatus.valueOf(rs.getString("status")), Timestamps.read(rs, "issued_at"),
                rs.getString("name"), DiscountType.valueOf(rs.getString("discount_type")),
                rs.getLong("discount_value"));
    }

    /** A user who holds a campaign's coupon, and since when. */
    public record Holder(long userId, Instant issuedAt) {
    }
}
