package io.shopsaga.dataplatform.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsaga.dataplatform.DataPlatformIntegrationTest;
import io.shopsaga.dataplatform.TestOrders;
import io.shopsaga.dataplatform.domain.DeliveryStatus;
import io.shopsaga.testsupport.TestIds;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Several senders at once (as several instances would run them) never send one order twice. */
class ConcurrentSendersTests extends DataPlatformIntegrationTest {

    @Test
    void concurrentRoundsPostEveryOrderExactlyOnce() {
        List<Long> orders = LongStream.range(0, 60).mapToObj(i -> TestIds.next()).toList();
        deliveries.receive(orders.stream().map(id -> TestOrders.order(id, TestIds.next())).toList());

        try (ExecutorService senders = Executors.newFixedThreadPool(4)) {
            List<CompletableFuture<Void>> rounds = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                rounds.add(CompletableFuture.runAsync(() -> {
                    for (int round = 0; round < 10; round++) {
                        deliveries.deliverDue();
                    }
                }, senders));
            }
            rounds.forEach(CompletableFuture::join);
        }

        for (long id : orders) {
            assertThat(awaitStatus(id, DeliveryStatus.DELIVERED).attempts()).isEqualTo(1);
            assertThat(platform.requestsOf(id)).as("POSTs of order %d", id).hasSize(1);
        }
    }
}
