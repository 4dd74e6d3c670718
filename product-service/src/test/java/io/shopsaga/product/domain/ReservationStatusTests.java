package io.shopsaga.product.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReservationStatusTests {

    @Test
    void onlyAReservedOrderPutsStockBackAndBecomesReleased() {
        assertThat(ReservationStatus.RESERVED.releasePutsStockBack()).isTrue();
        assertThat(ReservationStatus.RESERVED.afterRelease()).isEqualTo(ReservationStatus.RELEASED);
    }

    @ParameterizedTest
    @EnumSource(value = ReservationStatus.class, names = {"REJECTED", "RELEASED", "CANCELLED"})
    void aReleaseOfAnythingElsePutsNothingBackAndChangesNothing(ReservationStatus status) {
        assertThat(status.releasePutsStockBack()).isFalse();
        assertThat(status.afterRelease()).isEqualTo(status);
    }

    @Test
    void aRejectionAndOnlyARejectionCarriesItsFailureCode() {
        OrderReservation rejected = new OrderReservation(1, ReservationStatus.REJECTED, "OUT_OF_STOCK", 7L);
        assertThat(rejected.release()).isEqualTo(rejected);

        assertThatThrownBy(() -> new OrderReservation(1, ReservationStatus.REJECTED, null, null))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new OrderReservation(1, ReservationStatus.RESERVED, "OUT_OF_STOCK", 7L))
                .isInstanceOf(IllegalStateException.class);
        assertThat(new OrderReservation(1, ReservationStatus.RESERVED, null, null).release().status())
                .isEqualTo(ReservationStatus.RELEASED);
    }
}
