package io.shopsaga.dataplatform.persistence;

import io.shopsaga.dataplatform.domain.Delivery;
import io.shopsaga.dataplatform.domain.DeliveryStatus;
import io.shopsaga.defaults.persistence.SqlRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Function;
import java.util.stream.Collectors;
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

    /**
     * Characters of documents per multi-row INSERT: at most 3 MB of UTF-8, far inside {@code max_allowed_packet}
     * (16 MB on MariaDB 10.11, 64 MB on MySQL 8.4), however large the orders of a batch.
     */
    private static final int MAX_DOCUMENT_CHARS_PER_INSERT = 1_000_000;

    private final JdbcClient jdbc;

    public DeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records received orders (order id → document) as PENDING and due now, in the caller's transaction; an order
     * recorded before (a redelivered event) changes nothing. Multi-row INSERTs whose {@code ON DUPLICATE KEY UPDATE}
     * is a no-op: unlike {@code INSERT IGNORE}, it passes over the duplicate key and nothing else (a value that does
     * not fit still fails the statement). Rows go in order id order, so batches that share ids lock them in the same
     * order; a large batch is split over several statements (see {@link #MAX_DOCUMENT_CHARS_PER_INSERT}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void insertAbsent(SortedMap<Long, String> documents) {
        List<Object> params = new ArrayList<>();
        long chars = 0;
        for (Map.Entry<Long, String> row : documents.entrySet()) {
            if (!params.isEmpty() && chars + row.getValue().length() > MAX_DOCUMENT_CHARS_PER_INSERT) {
                insertRows(params);
                params.clear();
                chars = 0;
            }
            params.add(row.getKey());
            params.add(row.getValue());
            chars += row.getValue().length();
        }
        if (!params.isEmpty()) {
            insertRows(params);
        }
    }

    private void insertRows(List<Object> orderIdsAndDocuments) {
        String rows = SqlRows.repeat("(?, ?, 'PENDING', CURRENT_TIMESTAMP(6))", orderIdsAndDocuments.size() / 2);
        jdbc.sql("""
                INSERT INTO order_delivery (order_id, document, status, next_attempt_at) VALUES %s
                ON DUPLICATE KEY UPDATE order_id = order_id""".formatted(rows))
                .params(orderIdsAndDocuments)
                .update();
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

    /**
     * DELIVERED, in one statement, for every accepted attempt whose claim still holds; answers the order ids recorded.
     * Each row is fenced by the attempt number its claim counted, as a single answer is: an attempt superseded meanwhile
     * (its claim expired and the row was claimed again, so {@code attempts} moved on) leaves the row alone.
     * {@code delivered_at} is the moment of each answer on the database's clock, not the moment of this statement.
     * Like the other records of an answer, it commits on its own (the pool does not auto-commit) or with the caller.
     */
    @Transactional
    public Set<Long> markDelivered(List<DeliveredAttempt> accepted) {
        if (accepted.isEmpty()) {
            return Set.of();
        }
        List<Object> params = new ArrayList<>(accepted.size() * 7);
        long now = System.nanoTime();
        String answeredMicrosAgo = byOrder(accepted, attempt -> (now - attempt.answeredAtNanos()) / 1_000, params);
        String httpStatus = byOrder(accepted, DeliveredAttempt::httpStatus, params);
        accepted.forEach(attempt -> params.add(attempt.claim().orderId()));
        String attempts = byOrder(accepted, attempt -> attempt.claim().attempt(), params);
        int updated = jdbc.sql("""
                UPDATE order_delivery
                SET status = 'DELIVERED', next_attempt_at = NULL, claimed_until = NULL,
                    delivered_at = TIMESTAMPADD(MICROSECOND, -(%s), CURRENT_TIMESTAMP(6)), last_http_status = %s
                WHERE order_id IN (%s) AND status = 'PENDING' AND attempts = %s"""
                .formatted(answeredMicrosAgo, httpStatus, SqlRows.repeat("?", accepted.size()), attempts))
                .params(params)
                .update();
        Map<Long, Integer> claimed = accepted.stream()
                .collect(Collectors.toMap(attempt -> attempt.claim().orderId(), attempt -> attempt.claim().attempt()));
        if (updated == accepted.size()) {
            return claimed.keySet();
        }
        // Some claims were lost. A row this statement marked keeps its claim's attempt count; a row it passed over had
        // been claimed again, which counted a further attempt, and the count never goes back.
        return jdbc.sql("SELECT order_id, attempts FROM order_delivery WHERE status = 'DELIVERED' AND order_id IN (:ids)")
                .param("ids", claimed.keySet())
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getInt(2)))
                .list().stream()
                .filter(row -> row.getValue().equals(claimed.get(row.getKey())))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** {@code CASE order_id WHEN ? THEN ? ... END} over {@code attempts}, its parameters appended to {@code params}. */
    private static String byOrder(List<DeliveredAttempt> attempts, Function<DeliveredAttempt, Object> value,
            List<Object> params) {
        for (DeliveredAttempt attempt : attempts) {
            params.add(attempt.claim().orderId());
            params.add(value.apply(attempt));
        }
        return "CASE order_id" + " WHEN ? THEN ?".repeat(attempts.size()) + " END";
    }

    /** Stays PENDING, due again after {@code delay}; false if the claim was lost meanwhile. */
    @Transactional
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
    @Transactional
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
