package io.shopsaga.dataplatform.persistence;

import io.shopsaga.dataplatform.domain.Delivery;
import io.shopsaga.dataplatform.domain.DeliveryStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code order_delivery} table. Times come from the database's clock ({@code CURRENT_TIMESTAMP(6)}), the one
 * clock every instance shares, so claims and backoffs mean the same to all of them. The SQL runs on MySQL 8.4 and
 * MariaDB 10.11 alike ({@code SKIP LOCKED}: MySQL 8.0+, MariaDB 10.6+).
 */
@Repository
public class DeliveryRepository {

    private static final String COLUMNS = "order_id, status, attempts, last_error, last_http_status, received_at, "
            + "last_attempt_at, next_attempt_at, delivered_at";

    private final JdbcClient jdbc;

    public DeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a received order as PENDING and due now; false when it was recorded before (a redelivered event),
     * in which case nothing changes. A plain INSERT whose duplicate-key failure is the answer: a concurrent insert of
     * the same id waits for the first to commit or roll back.
     */
    public boolean insertIfAbsent(long orderId, String document) {
        try {
            jdbc.sql("""
                    INSERT INTO order_delivery (order_id, document, status, next_attempt_at)
                    VALUES (:orderId, :document, 'PENDING', CURRENT_TIMESTAMP(6))""")
                    .param("orderId", orderId).param("document", document)
                    .update();
            return true;
        }
        catch (DuplicateKeyException ex) {
            return false;
        }
    }

    /**
     * Claims up to {@code limit} due PENDING rows for {@code claimTimeout} and counts the attempt, in the caller's
     * transaction. {@code SKIP LOCKED} passes over rows another instance is claiming at this moment, and
     * {@code claimed_until} keeps the claimed rows out of later rounds until their answer is recorded (or the claim
     * expires because the instance died), so no row is sent by two instances at once.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<ClaimedDelivery> claimDue(int limit, Duration claimTimeout) {
        List<Long> ids = jdbc.sql("""
                SELECT order_id FROM order_delivery
                WHERE status = 'PENDING' AND next_attempt_at <= CURRENT_TIMESTAMP(6)
                  AND (claimed_until IS NULL OR claimed_until <= CURRENT_TIMESTAMP(6))
                ORDER BY next_attempt_at LIMIT :limit
                FOR UPDATE SKIP LOCKED""")
                .param("limit", limit)
                .query(Long.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        jdbc.sql("""
                UPDATE order_delivery
                SET attempts = attempts + 1, round_attempts = round_attempts + 1,
                    claimed_until = TIMESTAMPADD(MICROSECOND, :claimMicros, CURRENT_TIMESTAMP(6)),
                    last_attempt_at = CURRENT_TIMESTAMP(6)
                WHERE order_id IN (:ids)""")
                .param("claimMicros", micros(claimTimeout)).param("ids", ids)
                .update();
        return jdbc.sql("""
                SELECT order_id, attempts, round_attempts, document FROM order_delivery
                WHERE order_id IN (:ids) ORDER BY next_attempt_at""")
                .param("ids", ids)
                .query((rs, n) -> new ClaimedDelivery(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getString(4)))
                .list();
    }

    /** DELIVERED; false if the claim was lost meanwhile (the row moved on without this answer). */
    public boolean markDelivered(ClaimedDelivery claim, Integer httpStatus) {
        return jdbc.sql("""
                UPDATE order_delivery
                SET status = 'DELIVERED', delivered_at = CURRENT_TIMESTAMP(6), next_attempt_at = NULL,
                    claimed_until = NULL, last_http_status = :httpStatus
                WHERE order_id = :orderId AND status = 'PENDING' AND attempts = :attempt""")
                .param("httpStatus", httpStatus).param("orderId", claim.orderId()).param("attempt", claim.attempt())
                .update() == 1;
    }

    /** Stays PENDING, due again after {@code delay}; false if the claim was lost meanwhile. */
    public boolean scheduleRetry(ClaimedDelivery claim, Duration delay, String error, Integer httpStatus) {
        return jdbc.sql("""
                UPDATE order_delivery
                SET next_attempt_at = TIMESTAMPADD(MICROSECOND, :delayMicros, CURRENT_TIMESTAMP(6)),
                    claimed_until = NULL, last_error = :error, last_http_status = :httpStatus
                WHERE order_id = :orderId AND status = 'PENDING' AND attempts = :attempt""")
                .param("delayMicros", micros(delay)).param("error", error).param("httpStatus", httpStatus)
                .param("orderId", claim.orderId()).param("attempt", claim.attempt())
                .update() == 1;
    }

    /** FAILED until an operator retries it; false if the claim was lost meanwhile. */
    public boolean markFailed(ClaimedDelivery claim, String error, Integer httpStatus) {
        return jdbc.sql("""
                UPDATE order_delivery
                SET status = 'FAILED', next_attempt_at = NULL, claimed_until = NULL,
                    last_error = :error, last_http_status = :httpStatus
                WHERE order_id = :orderId AND status = 'PENDING' AND attempts = :attempt""")
                .param("error", error).param("httpStatus", httpStatus)
                .param("orderId", claim.orderId()).param("attempt", claim.attempt())
                .update() == 1;
    }

    public Optional<Delivery> find(long orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM order_delivery WHERE order_id = :orderId")
                .param("orderId", orderId).query(DeliveryRepository::map).optional();
    }

    /** The delivery under its row lock, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Delivery> lock(long orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM order_delivery WHERE order_id = :orderId FOR UPDATE")
                .param("orderId", orderId).query(DeliveryRepository::map).optional();
    }

    /** FAILED → PENDING, due now, with a fresh round of attempts. */
    public boolean requeueFailed(long orderId) {
        return jdbc.sql("""
                UPDATE order_delivery
                SET status = 'PENDING', round_attempts = 0, next_attempt_at = CURRENT_TIMESTAMP(6)
                WHERE order_id = :orderId AND status = 'FAILED'""")
                .param("orderId", orderId).update() == 1;
    }

    /** Every FAILED delivery back to PENDING, due now, with a fresh round; answers how many. */
    public int requeueAllFailed() {
        return jdbc.sql("""
                UPDATE order_delivery
                SET status = 'PENDING', round_attempts = 0, next_attempt_at = CURRENT_TIMESTAMP(6)
                WHERE status = 'FAILED'""")
                .update();
    }

    /** A PENDING delivery due now rather than after its backoff (a claim in progress is left to finish). */
    public boolean expedite(long orderId) {
        return jdbc.sql("""
                UPDATE order_delivery SET next_attempt_at = CURRENT_TIMESTAMP(6)
                WHERE order_id = :orderId AND status = 'PENDING'""")
                .param("orderId", orderId).update() == 1;
    }

    private static long micros(Duration duration) {
        return duration.toNanos() / 1_000;
    }

    private static Delivery map(ResultSet rs, int row) throws SQLException {
        Object httpStatus = rs.getObject("last_http_status");
        return new Delivery(rs.getLong("order_id"), DeliveryStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"), rs.getString("last_error"),
                httpStatus == null ? null : ((Number) httpStatus).intValue(),
                instant(rs.getTimestamp("received_at")), instant(rs.getTimestamp("last_attempt_at")),
                instant(rs.getTimestamp("next_attempt_at")), instant(rs.getTimestamp("delivered_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
