package io.shopsaga.coupon.persistence;

import io.shopsaga.coupon.domain.Coupon;
import io.shopsaga.coupon.domain.DiscountType;
import io.shopsaga.coupon.domain.NewCoupon;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Campaigns in explicit SQL; the issued count only moves through the guarded {@link #countOneIssued} and {@link #countIssued}. */
@Repository
public class CouponRepository {

    private static final String COLUMNS = "id, name, discount_type, discount_value, total_quantity, issued_quantity, "
            + "issue_starts_at, issue_ends_at";

    private final JdbcClient jdbc;

    public CouponRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(NewCoupon coupon) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO coupon (name, discount_type, discount_value, total_quantity, issue_starts_at, "
                + "issue_ends_at) VALUES (:name, :type, :value, :total, :startsAt, :endsAt)")
                .param("name", coupon.name()).param("type", coupon.discountType().name())
                .param("value", coupon.discountValue()).param("total", coupon.totalQuantity())
                .param("startsAt", Timestamps.toColumn(coupon.issueStartsAt()))
                .param("endsAt", Timestamps.toColumn(coupon.issueEndsAt()))
                .update(key);
        return key.getKey().longValue();
    }

    public Optional<Coupon> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM coupon WHERE id = :id")
                .param("id", id).query(CouponRepository::map).optional();
    }

    /** Campaigns whose issue window has not ended at {@code now} (including ones not started yet). */
    public List<Coupon> findNotEndedAt(Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM coupon WHERE issue_ends_at IS NULL OR issue_ends_at > :now "
                + "ORDER BY id")
                .param("now", Timestamps.toColumn(now)).query(CouponRepository::map).list();
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM coupon)").query(Long.class).single() == 0;
    }

    /**
     * Counts one more issued coupon unless the campaign is full: MySQL's own guard against over-issue,
     * whatever Redis said. False when the campaign is already at its total.
     */
    public boolean countOneIssued(long id) {
        return jdbc.sql("UPDATE coupon SET issued_quantity = issued_quantity + 1 "
                + "WHERE id = :id AND issued_quantity < total_quantity")
                .param("id", id).update() == 1;
    }

    /** Counts {@code n} more issued in one guarded step: all of them, or none when fewer than {@code n} are left. */
    public boolean countIssued(long id, int n) {
        return jdbc.sql("UPDATE coupon SET issued_quantity = issued_quantity + :n "
                + "WHERE id = :id AND issued_quantity + :n <= total_quantity")
                .param("id", id).param("n", n).update() == 1;
    }

    private static Coupon map(ResultSet rs, int row) throws SQLException {
        return new Coupon(rs.getLong("id"), rs.getString("name"), DiscountType.valueOf(rs.getString("discount_type")),
                rs.getLong("discount_value"), rs.getInt("total_quantity"), rs.getInt("issued_quantity"),
                Timestamps.read(rs, "issue_starts_at"), Timestamps.read(rs, "issue_ends_at"));
    }
}
