package io.shopsaga.order.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsaga.contracts.ReplyOutcome;
import io.shopsaga.contracts.ReserveStockReply;
import io.shopsaga.order.OrderServiceIntegrationTest;
import io.shopsaga.order.domain.Order;
import io.shopsaga.order.domain.OrderLine;
import io.shopsaga.order.domain.SagaTime;
import io.shopsaga.testsupport.TestIds;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Orders as stored: every line in one statement, lines read once per instance, since they never change, and the
 * orders of a batch locked together and their changes written together.
 */
class OrderRepositoryTests extends OrderServiceIntegrationTest {

    @Autowired
    OrderRepository orders;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void storesEveryLineInItsPlace() {
        Order order = place(new OrderLine(TestIds.next(), "Mug", 12_000, 2), new OrderLine(TestIds.next(), "Tea", 900, 1),
                new OrderLine(TestIds.next(), "Pot", 30_000, 3));

        insert(order);

        assertThat(jdbc.sql("SELECT line_no, product_id, name, unit_price, quantity FROM order_line "
                        + "WHERE order_id = :id ORDER BY line_no")
                .param("id", order.id())
                .query((rs, n) -> List.of(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getInt(5)))
                .list())
                .containsExactly(
                        List.of(0, order.lines().get(0).productId(), "Mug", 12_000L, 2),
                        List.of(1, order.lines().get(1).productId(), "Tea", 900L, 1),
                        List.of(2, order.lines().get(2).productId(), "Pot", 30_000L, 3));
        assertThat(orders.find(order.id()).orElseThrow().lines()).isEqualTo(order.lines());
    }

    @Test
    void anOrderStoredHereIsLockedWithoutReadingItsLinesAgain() {
        Order order = place(new OrderLine(TestIds.next(), "Mug", 12_000, 2));
        insert(order);
        renameLinesBehindTheRepositorysBack(order.id());

        assertThat(orders.lock(order.id()).orElseThrow().lines()).extracting(OrderLine::name).containsExactly("Mug");
    }

    @Test
    void anOrderStoredElsewhereHasItsLinesReadOnceThenKept() {
        Order order = place(new OrderLine(TestIds.next(), "Mug", 12_000, 2));
        transactions.executeWithoutResult(status -> new OrderRepository(jdbc).insert(order)); // another instance

        assertThat(orders.lock(order.id()).orElseThrow().lines()).extracting(OrderLine::name).containsExactly("Mug");
        renameLinesBehindTheRepositorysBack(order.id());
        assertThat(orders.lock(order.id()).orElseThrow().lines()).extracting(OrderLine::name).containsExactly("Mug");
        assertThat(new OrderRepository(jdbc).find(order.id()).orElseThrow().lines()).extracting(OrderLine::name)
                .containsExactly("renamed");
    }

    @Test
    void ordersLockedTogetherAreKeptForTheTransactionWithItsChangesAndReadAgainByTheNext() {
        Order here = place(new OrderLine(TestIds.next(), "Mug", 12_000, 2));
        Order elsewhere = place(new OrderLine(TestIds.next(), "Tea", 900, 1), new OrderLine(TestIds.next(), "Pot", 1, 1));
        insert(here);
        transactions.executeWithoutResult(status -> new OrderRepository(jdbc).insert(elsewhere));
        long missing = elsewhere.id() + 1_000_000;

        transactions.executeWithoutResult(status -> {
            orders.lockAll(List.of(elsewhere.id(), here.id(), missing, here.id()));

            assertThat(lockedElsewhere(here.id())).isTrue();
            assertThat(lockedElsewhere(elsewhere.id())).isTrue();
            Order kept = orders.lock(here.id()).orElseThrow();
            kept.onDeadline(new SagaTime(Instant.now().plus(Duration.ofMinutes(1)), Duration.ofSeconds(10)));
            assertThat(kept.state()).isNotEqualTo(here.state());
            assertThat(orders.lock(here.id()).orElseThrow()).isSameAs(kept);
            assertThat(orders.lock(elsewhere.id()).orElseThrow().lines()).extracting(OrderLine::name)
                    .containsExactly("Tea", "Pot");
            assertThat(orders.lock(missing)).isEmpty();
        });

        assertThat(lockedElsewhere(here.id())).isFalse();
        Order next = transactions.execute(status -> orders.lock(here.id()).orElseThrow());
        assertThat(next.state()).isEqualTo(here.state()); // the change was never stored
    }

    @Test
    void changesToOrdersLockedTogetherAreWrittenTogetherWhenTheTransactionCommits() {
        Order moving = place(new OrderLine(TestIds.next(), "Mug", 12_000, 2));
        Order failing = place(new OrderLine(TestIds.next(), "Tea", 900, 1));
        Order untouched = place(new OrderLine(TestIds.next(), "Pot", 1, 1));
        List.of(moving, failing, untouched).forEach(this::insert);
        SagaTime time = new SagaTime(Instant.now(), Duration.ofSeconds(10));

        List<Order> changed = transactions.execute(status -> {
            orders.lockAll(List.of(moving.id(), failing.id(), untouched.id()));
            Order moved = orders.lock(moving.id()).orElseThrow();
            Order failed = orders.lock(failing.id()).orElseThrow();
            assertThat(moved.onReply(stockReply(moved.id(), ReplyOutcome.SUCCEEDED, null), time).changed()).isTrue();
            assertThat(failed.onReply(stockReply(failed.id(), ReplyOutcome.REJECTED, "OUT_OF_STOCK"), time).changed())
                    .isTrue();
            orders.update(moved);
            orders.update(failed);
            assertThat(storedState(moved.id())).isEqualTo("RESERVING_STOCK"); // not yet: at the commit
            return List.of(moved, failed);
        });

        assertThat(storedState(moving.id())).isEqualTo("DEDUCTING_BALANCE");
        assertThat(storedState(failing.id())).isEqualTo("FAILED");
        assertThat(storedState(untouched.id())).isEqualTo("RESERVING_STOCK");
        for (Order expected : changed) {
            Order stored = orders.find(expected.id()).orElseThrow();
            assertThat(stored.status()).isEqualTo(expected.status());
            assertThat(stored.failureCode()).isEqualTo(expected.failureCode());
            assertThat(stored.stepAttempts()).isEqualTo(expected.stepAttempts());
            assertThat(seconds(stored.stepDeadline())).isEqualTo(seconds(expected.stepDeadline()));
            assertThat(seconds(stored.completedAt())).isEqualTo(seconds(expected.completedAt()));
        }
        assertThat(orders.find(failing.id()).orElseThrow().failureCode()).isEqualTo("OUT_OF_STOCK");
        assertThat(orders.find(moving.id()).orElseThrow().stepDeadline()).isNotNull();
    }

    private String storedState(long orderId) {
        return jdbc.sql("SELECT saga_state FROM customer_order WHERE id = :id").param("id", orderId)
                .query(String.class).single();
    }

    /** To the second: on MariaDB the driver binds timestamps without their fraction (docs/stack.md). */
    private static Instant seconds(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS);
    }

    private static ReserveStockReply stockReply(long orderId, ReplyOutcome outcome, String code) {
        return new ReserveStockReply(UUID.randomUUID(), orderId, Instant.now(), outcome, code, null);
    }

    /** Whether another transaction, on another connection, finds the order's row locked. */
    private boolean lockedElsewhere(long orderId) {
        return CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
            try {
                jdbc.sql("SELECT id FROM customer_order WHERE id = :id FOR UPDATE NOWAIT").param("id", orderId)
                        .query(Long.class).single();
                return false;
            }
            catch (DataAccessException ex) {
                return true;
            }
        })).join();
    }

    /** Stores the order as placing one does: in a transaction (the pool does not auto-commit). */
    private void insert(Order order) {
        transactions.executeWithoutResult(status -> orders.insert(order));
    }

    private static Order place(OrderLine... lines) {
        return Order.place(TestIds.next(), List.of(lines), null, new SagaTime(Instant.now(), Duration.ofSeconds(10)));
    }

    /** Lines never change; this one does, to show which reads reach the table. */
    private void renameLinesBehindTheRepositorysBack(long orderId) {
        Integer renamed = transactions.execute(status -> jdbc.sql(
                "UPDATE order_line SET name = 'renamed' WHERE order_id = :id").param("id", orderId).update());
        assertThat(renamed).isEqualTo(1);
    }
}
