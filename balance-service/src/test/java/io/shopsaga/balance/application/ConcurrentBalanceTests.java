package io.shopsaga.balance.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsaga.testsupport.HttpApi;
import io.shopsaga.testsupport.ServiceIntegrationTest;
import io.shopsaga.testsupport.TestIds;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Many writers on one user's balance: every change lands exactly once and the balance never goes negative. */
@ServiceIntegrationTest
class ConcurrentBalanceTests {

    @LocalServerPort
    int port;

    @Autowired
    BalanceService balances;

    @Test
    void twoHundredConcurrentChargesOfOneUserAllLandExactly() throws Exception {
        long userId = TestIds.next();
        HttpApi api = HttpApi.onPort(port);
        List<Callable<Integer>> charges = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            long amount = i;
            charges.add(() -> api.post("/api/v1/balances/" + userId + "/charges", "{\"amount\":" + amount + "}")
                    .status());
        }

        List<Integer> statuses = runAll(charges, 32);

        assertThat(statuses).hasSize(200).containsOnly(200);
        assertThat(balances.balanceOf(userId).balance()).isEqualTo(200 * 201 / 2);
        assertThat(balances.history(userId, 0, 1).totalElements()).isEqualTo(200);
    }

    @Test
    void interleavedDeductsAndChargesNeverGoNegativeAndAddUpExactly() throws Exception {
        long userId = TestIds.next();
        balances.charge(userId, 1_000, null);
        AtomicInteger deducted = new AtomicInteger();
        List<Callable<Integer>> work = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            long orderId = TestIds.next();
            work.add(() -> {
                DeductOutcome outcome = balances.deductForOrder(orderId, userId, 100);
                if (outcome instanceof DeductOutcome.Deducted) {
                    deducted.incrementAndGet();
                }
                return 0;
            });
            if (i % 3 == 0) {
                work.add(() -> {
                    balances.charge(userId, 50, null);
                    return 0;
                });
            }
        }

        runAll(work, 24);
        // A charge may have landed after the last concurrent deduct: deduct what is left, one after the other.
        while (balances.deductForOrder(TestIds.next(), userId, 100) instanceof DeductOutcome.Deducted) {
            deducted.incrementAndGet();
        }

        long charged = 1_000 + 50L * 50;
        long balance = balances.balanceOf(userId).balance();
        assertThat(balance).isGreaterThanOrEqualTo(0).isLessThan(100);
        assertThat(balance).isEqualTo(charged - 100L * deducted.get());
        assertThat(balances.history(userId, 0, 1).totalElements()).isEqualTo(1 + 50 + deducted.get());
    }

    @Test
    void theSameDeductDeliveredConcurrentlyTakesTheMoneyOnce() throws Exception {
        long userId = TestIds.next();
        long orderId = TestIds.next();
        balances.charge(userId, 1_000, null);
        List<Callable<DeductOutcome>> deliveries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            deliveries.add(() -> balances.deductForOrder(orderId, userId, 300));
        }

        List<DeductOutcome> outcomes = runAll(deliveries, 20);

        assertThat(outcomes).containsOnly(new DeductOutcome.Deducted(orderId, 300));
        assertThat(balances.balanceOf(userId).balance()).isEqualTo(700);
    }

    @Test
    void theSameRefundDeliveredConcurrentlyGivesTheMoneyBackOnce() throws Exception {
        long userId = TestIds.next();
        long orderId = TestIds.next();
        balances.charge(userId, 1_000, null);
        assertThat(balances.deductForOrder(orderId, userId, 300)).isEqualTo(new DeductOutcome.Deducted(orderId, 300));
        List<Callable<RefundOutcome>> deliveries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            deliveries.add(() -> balances.refundOrder(orderId, userId));
        }

        List<RefundOutcome> outcomes = runAll(deliveries, 20);

        assertThat(outcomes).filteredOn(outcome -> outcome.refundedAmount() == 300).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> outcome.refundedAmount() == 0).hasSize(19);
        assertThat(balances.balanceOf(userId).balance()).isEqualTo(1_000);
    }

    static <T> List<T> runAll(List<Callable<T>> tasks, int threads) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<T>> futures = pool.invokeAll(tasks);
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}
