package io.shopsaga.order.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsaga.order.OrderServiceIntegrationTest;
import io.shopsaga.order.domain.Order;
import io.shopsaga.order.domain.OrderLine;
import io.shopsaga.order.domain.SagaTime;
import io.shopsaga.testsupport.TestIds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Orders as stored: every line in one statement, lines read once per instance, since they never change, and the
 * orders of a batch locked together.
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

        orders.insert(order);

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
        orders.insert(order);
        renameLinesBehindTheRepositorysBack(order.id());

        assertThat(orders.lock(order.id()).orElseThrow().lines()).extracting(OrderLine::name).containsExactly("Mug");
    }

    @Test
    void anOrderStoredElsewhereHasItsLinesReadOnceThenKept() {
        Order order = place(new OrderLine(TestIds.next(), "Mug", 12_000, 2));
        new OrderRepository(jdbc).insert(order); // another instance of the service

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
        orders.insert(here);
        new OrderRepository(jdbc).insert(elsewhere);
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

    private static Order place(OrderLine... lines) {
        return Order.place(TestIds.next(), List.of(lines), null, new SagaTime(Instant.now(), Duration.ofSeconds(10)));
    }

    /** Lines never change; this one does, to show which reads reach the table. */
    private void renameLinesBehindTheRepositorysBack(long orderId) {
        assertThat(jdbc.sql("UPDATE order_line SET name = 'renamed' WHERE order_id = :id").param("id", orderId)
                .update()).isEqualTo(1);
    }
}
