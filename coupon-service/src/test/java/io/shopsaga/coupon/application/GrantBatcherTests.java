package io.shopsaga.coupon.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A batcher that does not run never keeps a request waiting: the grant is then written on its own. */
class GrantBatcherTests {

    @Test
    void beforeStartAndAfterStopAGrantIsAnsweredNotWrittenAtOnce() throws Exception {
        GrantBatcher batcher = new GrantBatcher(null, null, null, new SimpleMeterRegistry());

        assertThat(batcher.write(1, 2, Instant.EPOCH)).isEmpty();

        batcher.start();
        batcher.stop();

        assertThat(batcher.isRunning()).isFalse();
        assertThat(CompletableFuture.supplyAsync(() -> batcher.write(1, 3, Instant.EPOCH)).get(5, TimeUnit.SECONDS))
                .isEmpty();
    }
}
