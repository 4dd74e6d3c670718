package io.shopsaga.dataplatform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.shopsaga.dataplatform.domain.Delivery.OperatorRetry;
import io.shopsaga.defaults.error.BusinessException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveryTests {

    @Test
    void anOperatorRetryRequeuesAFailedDelivery() {
        assertThat(delivery(DeliveryStatus.FAILED).operatorRetry()).isEqualTo(OperatorRetry.REQUEUE);
    }

    @Test
    void anOperatorRetryMakesAPendingDeliveryDueNow() {
        assertThat(delivery(DeliveryStatus.PENDING).operatorRetry()).isEqualTo(OperatorRetry.EXPEDITE);
    }

    @Test
    void anOperatorRetryOfADeliveredOrderIsRefused() {
        assertThatExceptionOfType(BusinessException.class)
                .isThrownBy(() -> delivery(DeliveryStatus.DELIVERED).operatorRetry())
                .satisfies(ex -> {
                    assertThat(ex.code()).isEqualTo(DeliveryRules.ALREADY_DELIVERED);
                    assertThat(ex.kind()).isEqualTo(BusinessException.Kind.CONFLICT);
                });
    }

    @Test
    void theIdempotencyKeyNamesTheOrder() {
        assertThat(DeliveryRules.idempotencyKey(900)).isEqualTo("order-900").matches("[A-Za-z0-9_-]{1,64}");
    }

    private static Delivery delivery(DeliveryStatus status) {
        Instant now = Instant.parse("2026-11-24T01:15:30Z");
        return new Delivery(900, status, 1, null, 200, now, now, null,
                status == DeliveryStatus.DELIVERED ? now : null);
    }
}
