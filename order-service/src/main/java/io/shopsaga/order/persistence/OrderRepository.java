package io.shopsaga.order.persistence;

import io.shopsaga.defaults.persistence.SqlRows;
import io.shopsaga.defaults.persistence.TransactionScoped;
import io.shopsaga.order.domain.Order;
import io.shopsaga.order.domain.OrderLine;
import io.shopsaga.order.domain.SagaState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * Orders, their lines and their saga state.
 *
 * <p>An order's lines never change once stored, and every step of its saga locks the order again; so the lines of
 * the orders this instance stored or read lately ({@link #RECENT_LINES} of them) are kept and not read again.
 */
@Repository
public class OrderRepository {

    static final int RECENT_LINES = 10_000;

    private static final String COLUMNS = """
            id, user_id, saga_state, failure_code, issued_coupon_id, total_amount, discount_amount, step_deadline,
            step_attempts, created_at, completed_at""";

    private final JdbcClient jdbc;
    private final Map<Long, List<OrderLine>> recentLines = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, List<OrderLine>> eldest) {
                    return size() > RECENT_LINES;
                }
            });

    public OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new order with its lines and gives it its id. */
    public void insert(Order order) {
        insertAll(List.of(order));
    }

    /**
     * Stores new orders with their lines, in one multi-row {@code INSERT} for the orders and one for all their lines,
     * and gives each its id. Such an {@code INSERT} is a "simple insert" to InnoDB, whose auto-increment values are
     * consecutive in every lock mode, so the driver's generated keys name the orders in order.
     */
    public void insertAll(List<Order> orders) {
        List<Object> values = new ArrayList<>(12 * orders.size());
        for (Order order : orders) {
            values.addAll(Arrays.asList(order.userId(), order.status().name(), order.state().name(),
                    new SqlParameterValue(Types.VARCHAR, order.failureCode()),
                    new SqlParameterValue(Types.BIGINT, order.issuedCouponId()), order.totalAmount(),
                    order.discountAmount(), order.paidAmount(), timestamp(order.stepDeadline()), order.stepAttempts(),
                    timestamp(order.createdAt()), new SqlParameterValue(Types.TIMESTAMP, timestamp(order.completedAt()))));
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO customer_order (user_id, status, saga_state, failure_code, issued_coupon_id, total_amount,
                    discount_amount, paid_amount, step_deadline, step_attempts, created_at, completed_at)
                VALUES """ + SqlRows.repeat("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", orders.size()))
                .params(values)
                .update(keys);
        List<Map<String, Object>> ids = keys.getKeyList();
        if (ids.size() != orders.size()) {
            throw new IllegalStateException("The INSERT of " + orders.size() + " orders returned " + ids.size() + " keys");
        }
        List<Object> lineValues = new ArrayList<>();
        int lineCount = 0;
        for (int i = 0; i < orders.size(); i++) {
            Order order = orders.get(i);
            order.assignId(((Number) ids.get(i).values().iterator().next()).longValue());
            int lineNo = 0;
            for (OrderLine line : order.lines()) {
                lineValues.addAll(List.of(order.id(), lineNo++, line.productId(), line.name(), line.unitPrice(),
                        line.quantity()));
            }
            lineCount += order.lines().size();
        }
        jdbc.sql("INSERT INTO order_line (order_id, line_no, product_id, name, unit_price, quantity) VALUES "
                        + SqlRows.repeat("(?, ?, ?, ?, ?, ?)", lineCount))
                .params(lineValues)
                .update();
        orders.forEach(order -> recentLines.put(order.id(), order.lines()));
    }

    /**
     * Writes the saga's progress (the order's lines and amounts other than the discount never change). An order
     * {@link #lockAll locked with others} is written with them, in one statement, when the transaction commits.
     */
    public void update(Order order) {
        LockedOrders locked = LockedOrders.of(this, false);
        if (locked != null && !locked.written && locked.orders.get(order.id()) == order) {
            locked.changed.put(order.id(), order);
            return;
        }
        write(order);
    }

    private void write(Order order) {
        jdbc.sql("""
                UPDATE customer_order SET status = :status, saga_state = :state, failure_code = :failureCode,
                    discount_amount = :discount, paid_amount = :paid, step_deadline = :deadline,
                    step_attempts = :attempts, completed_at = :completedAt
                WHERE id = :id""")
                .param("status", order.status().name())
                .param("state", order.state().name())
                .param("failureCode", order.failureCode())
                .param("discount", order.discountAmount())
                .param("paid", order.paidAmount())
                .param("deadline", timestamp(order.stepDeadline()))
                .param("attempts", order.stepAttempts())
                .param("completedAt", timestamp(order.completedAt()))
                .param("id", order.id())
                .update();
    }

    public Optional<Order> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer_order WHERE id = :id").param("id", id)
                .query(this::row).optional().map(this::withLines);
    }

    /**
     * The order, its row locked for the rest of the transaction: replies and deadlines of one order queue here. An
     * order {@link #lockAll locked with others} earlier in the transaction is not read again: the same instance is
     * answered, with whatever the transaction has changed in it since.
     */
    public Optional<Order> lock(long id) {
        LockedOrders locked = LockedOrders.of(this, false);
        if (locked != null && locked.orders.containsKey(id)) {
            return Optional.of(locked.orders.get(id));
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer_order WHERE id = :id FOR UPDATE").param("id", id)
                .query(this::row).optional().map(this::withLines);
    }

    /**
     * Locks the orders in one statement (in id order, as every batch does, so two batches cannot deadlock on them) for
     * the rest of the transaction, which must be active with synchronization, and keeps them for {@link #lock}. Ids of
     * orders that do not exist, or are already kept, are passed over.
     */
    public void lockAll(Collection<Long> ids) {
        LockedOrders locked = LockedOrders.of(this, true);
        List<Long> toRead = ids.stream().filter(id -> !locked.orders.containsKey(id)).distinct().sorted().toList();
        if (toRead.isEmpty()) {
            return;
        }
        List<OrderRow> rows = jdbc.sql("SELECT " + COLUMNS
                        + " FROM customer_order WHERE id IN (:ids) ORDER BY id FOR UPDATE")
                .param("ids", toRead).query(this::row).list();
        List<Long> linesUnknown = rows.stream().map(OrderRow::id).filter(id -> !recentLines.containsKey(id)).toList();
        if (!linesUnknown.isEmpty()) {
            Map<Long, List<OrderLine>> lines = linesOf(linesUnknown);
            linesUnknown.forEach(id -> recentLines.put(id, lines.getOrDefault(id, List.of())));
        }
        rows.forEach(row -> locked.orders.put(row.id(), withLines(row)));
    }

    /** Ids of orders whose step deadline has passed, oldest deadline first. */
    public List<Long> dueDeadlines(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id FROM customer_order WHERE step_deadline <= :now ORDER BY step_deadline LIMIT :limit""")
                .param("now", timestamp(now)).param("limit", limit)
                .query(Long.class).list();
    }

    /** A user's orders, newest first. */
    public List<Order> ofUser(long userId, int page, int size) {
        List<OrderRow> rows = jdbc.sql("SELECT " + COLUMNS
                        + " FROM customer_order WHERE user_id = :userId ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .param("userId", userId).param("limit", size).param("offset", (long) page * size)
                .query(this::row).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<OrderLine>> lines = linesOf(rows.stream().map(OrderRow::id).toList());
        return rows.stream().map(r -> r.toOrder(lines.getOrDefault(r.id(), List.of()))).toList();
    }

    public long countOfUser(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM customer_order WHERE user_id = :userId").param("userId", userId)
                .query(Long.class).single();
    }

    /**
     * Writes the progress of several orders with one multi-table {@code UPDATE} joined to their new values (a
     * derived table of literals, which MySQL and MariaDB both read; {@code INSERT ... ON DUPLICATE KEY UPDATE} would
     * need {@code VALUES()}, deprecated by MySQL, or a row alias, which MariaDB lacks).
     */
    private void updateAll(Collection<Order> changed) {
        if (changed.size() == 1) {
            write(changed.iterator().next());
            return;
        }
        StringBuilder values = new StringBuilder();
        List<Object> params = new ArrayList<>(9 * changed.size());
        for (Order order : changed) {
            values.append(values.isEmpty()
                    ? "SELECT ? AS id, ? AS status, ? AS saga_state, ? AS failure_code, ? AS discount_amount, "
                            + "? AS paid_amount, CAST(? AS DATETIME(6)) AS step_deadline, ? AS step_attempts, "
                            + "CAST(? AS DATETIME(6)) AS completed_at"
                    : " UNION ALL SELECT ?, ?, ?, ?, ?, ?, CAST(? AS DATETIME(6)), ?, CAST(? AS DATETIME(6))");
            params.addAll(Arrays.asList(order.id(), order.status().name(), order.state().name(), order.failureCode(),
                    order.discountAmount(), order.paidAmount(), timestamp(order.stepDeadline()), order.stepAttempts(),
                    timestamp(order.completedAt())));
        }
        int matched = jdbc.sql("UPDATE customer_order o JOIN (" + values + ") n ON o.id = n.id SET "
                        + "o.status = n.status, o.saga_state = n.saga_state, o.failure_code = n.failure_code, "
                        + "o.discount_amount = n.discount_amount, o.paid_amount = n.paid_amount, "
                        + "o.step_deadline = n.step_deadline, o.step_attempts = n.step_attempts, "
                        + "o.completed_at = n.completed_at")
                .params(params).update();
        if (matched != changed.size()) {
            throw new IllegalStateException("Wrote " + matched + " of " + changed.size() + " orders' progress");
        }
    }

    /**
     * The orders one transaction has locked with {@link #lockAll}, and those of them it changed, written together
     * before it commits; they go with its synchronizations.
     */
    private static final class LockedOrders implements TransactionSynchronization {

        private final OrderRepository repository;
        private final Map<Long, Order> orders = new HashMap<>();
        private final Map<Long, Order> changed = new LinkedHashMap<>();
        /** Once the changes are written, a later change (from another synchronization) is written at once. */
        private boolean written;

        private LockedOrders(OrderRepository repository) {
            this.repository = repository;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            written = true;
            if (!changed.isEmpty()) {
                repository.updateAll(List.copyOf(changed.values()));
            }
        }

        static LockedOrders of(OrderRepository repository, boolean create) {
            return create
                    ? TransactionScoped.get(LockedOrders.class, locked -> locked.repository == repository,
                            () -> new LockedOrders(repository))
                    : TransactionScoped.find(LockedOrders.class, locked -> locked.repository == repository);
        }
    }

    private Order withLines(OrderRow r) {
        List<OrderLine> lines = recentLines.get(r.id());
        if (lines == null) {
            lines = linesOf(List.of(r.id())).getOrDefault(r.id(), List.of());
            recentLines.put(r.id(), lines);
        }
        return r.toOrder(lines);
    }

    private Map<Long, List<OrderLine>> linesOf(List<Long> orderIds) {
        return jdbc.sql("""
                SELECT order_id, product_id, name, unit_price, quantity FROM order_line
                WHERE order_id IN (:ids) ORDER BY order_id, line_no""")
                .param("ids", orderIds)
                .query((rs, n) -> Map.entry(rs.getLong(1),
                        new OrderLine(rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getInt(5))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue,
                        Collectors.toList())));
    }

    private OrderRow row(ResultSet rs, int n) throws SQLException {
        long couponId = rs.getLong("issued_coupon_id");
        Long issuedCouponId = rs.wasNull() ? null : couponId;
        return new OrderRow(rs.getLong("id"), rs.getLong("user_id"), SagaState.valueOf(rs.getString("saga_state")),
                rs.getString("failure_code"), issuedCouponId, rs.getLong("total_amount"),
                rs.getLong("discount_amount"), instant(rs.getTimestamp("step_deadline")), rs.getInt("step_attempts"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("completed_at")));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private record OrderRow(long id, long userId, SagaState state, String failureCode, Long issuedCouponId,
            long totalAmount, long discountAmount, Instant stepDeadline, int stepAttempts, Instant createdAt,
            Instant completedAt) {

        Order toOrder(List<OrderLine> lines) {
            return Order.restore(id, userId, lines, issuedCouponId, totalAmount, createdAt, discountAmount, state,
                    failureCode, completedAt, stepDeadline, stepAttempts);
        }
    }
}
