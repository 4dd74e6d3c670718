package io.shopsaga.product.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsaga.product.TestProducts;
import io.shopsaga.product.domain.ReservationStatus;
import io.shopsaga.product.persistence.ProductRepository;
import io.shopsaga.testsupport.ServiceIntegrationTest;
import io.shopsaga.testsupport.TestIds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Many reservations of the same rows at once: no lost update, no oversell, no deadlock surfacing as an error. */
@ServiceIntegrationTest
class ConcurrentReservationTests {

    @Autowired
    ProductCatalog catalog;

    @Autowired
    StockReservations reservations;

    @Autowired
    ProductRepository products;

    @Autowired
    JdbcClient jdbc;

    @Test
    void thirtyBuyersOfTenUnitsLeaveExactlyTenReservedAndStockZero() throws Exception {
        long product = TestProducts.create(catalog, 10).id();
        List<Callable<ReserveOutcome>> buyers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long order = TestIds.next();
            buyers.add(() -> reservations.reserve(order, Map.of(product, 1)));
        }

        List<ReserveOutcome> outcomes = runAtOnce(buyers);

        assertThat(outcomes).filteredOn(ReserveOutcome.Reserved.class::isInstance).hasSize(10);
        assertThat(outcomes).filteredOn(ReserveOutcome.Rejected.class::isInstance).hasSize(20)
                .allSatisfy(o -> assertThat(((ReserveOutcome.Rejected) o).code()).isEqualTo("OUT_OF_STOCK"));
        assertThat(stock(product)).isZero();
    }

    @Test
    void overlappingMultiItemOrdersInAnyItemOrderNeverDeadlockOversellOrLoseStock() throws Exception {
        List<Long> shared = new ArrayList<>();
        Map<Long, Long> initial = new HashMap<>();
        for (int i = 0; i < 5; i++) {
            long id = TestProducts.create(catalog, 120).id();
            shared.add(id);
            initial.put(id, 120L);
        }
        List<Long> orders = new ArrayList<>();
        List<Callable<ReserveOutcome>> buyers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long order = TestIds.next();
            orders.add(order);
            List<Long> picked = new ArrayList<>(shared);
            Collections.shuffle(picked);
            Map<Long, Integer> items = new LinkedHashMap<>();
            for (long product : picked.subList(0, ThreadLocalRandom.current().nextInt(2, 6))) {
                items.put(product, ThreadLocalRandom.current().nextInt(1, 4));
            }
            buyers.add(() -> reservations.reserve(order, items));
        }

        List<ReserveOutcome> outcomes = runAtOnce(buyers);

        assertThat(outcomes).hasSize(200).allSatisfy(o -> {
            if (o instanceof ReserveOutcome.Rejected rejected) {
                assertThat(rejected.code()).isEqualTo("OUT_OF_STOCK");
            }
        });
        assertThat(outcomes).filteredOn(ReserveOutcome.Reserved.class::isInstance).isNotEmpty();
        assertConserved(shared, initial, orders);

        // Release half of the orders (and some twice) while the rest are reserved again: still exact.
        List<Callable<Object>> mixed = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            long order = orders.get(i);
            if (i % 2 == 0) {
                mixed.add(() -> reservations.release(order));
                mixed.add(() -> reservations.release(order));
            }
            else {
                mixed.add(() -> reservations.reserve(order, Map.of(shared.getFirst(), 1)));
            }
        }
        Collections.shuffle(mixed);
        runAtOnce(mixed);

        assertConserved(shared, initial, orders);
    }

    @Test
    void reservesAndReleasesOfTheSameOrdersArrivingTwiceAndOutOfOrderLeaveExactCounts() throws Exception {
        long product = TestProducts.create(catalog, 1_000).id();
        List<Long> orders = new ArrayList<>();
        List<Callable<Object>> messages = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long order = TestIds.next();
            orders.add(order);
            int quantity = i % 5 + 1;
            for (int copy = 0; copy < 3; copy++) {
                messages.add(() -> reservations.reserve(order, Map.of(product, quantity)));
            }
            if (i % 2 == 0) {
                messages.add(() -> reservations.release(order));
                messages.add(() -> reservations.release(order));
            }
        }
        Collections.shuffle(messages);

        runAtOnce(messages);

        long stillReserved = 0;
        for (int i = 0; i < orders.size(); i++) {
            ReservationStatus status = reservations.reservationOf(orders.get(i)).orElseThrow().status();
            if (i % 2 == 0) {
                assertThat(status).isIn(ReservationStatus.RELEASED, ReservationStatus.CANCELLED);
            }
            else {
                assertThat(status).isEqualTo(ReservationStatus.RESERVED);
                stillReserved += i % 5 + 1;
            }
        }
        assertThat(stock(product)).isEqualTo(1_000 - stillReserved);
    }

    /** For every product: initial stock = stock now + what the RESERVED orders hold; never negative. */
    private void assertConserved(List<Long> productIds, Map<Long, Long> initial, List<Long> orders) {
        for (long product : productIds) {
            long held = jdbc.sql("""
                    SELECT COALESCE(SUM(s.quantity), 0) FROM stock_reservation s
                    JOIN order_reservation o ON o.order_id = s.order_id
                    WHERE s.product_id = :product AND o.status = 'RESERVED' AND o.order_id IN (:orders)""")
                    .param("product", product).param("orders", orders)
                    .query(Long.class).single();
            assertThat(stock(product)).isNotNegative();
            assertThat(stock(product) + held).as("product %d", product).isEqualTo(initial.get(product));
        }
    }

    private long stock(long productId) {
        return products.find(productId).orElseThrow().stock();
    }

    /** Runs every task from its own thread, released together; rethrows the first failure. */
    private static <T> List<T> runAtOnce(List<? extends Callable<? extends T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(tasks.size(), 32));
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<? extends T>> futures = new ArrayList<>();
            for (Callable<? extends T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<? extends T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        }
        finally {
            pool.shutdownNow();
        }
    }
}
