package io.shopsaga.defaults.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BusinessExceptionTests {

    @Test
    void aRefusalCarriesItsCodeKindAndPropertiesButNoStackTrace() {
        BusinessException refused = new BusinessException("COUPON_SOLD_OUT", BusinessException.Kind.CONFLICT,
                "coupon 7 is sold out", Map.of("couponId", 7L));

        assertThat(refused.code()).isEqualTo("COUPON_SOLD_OUT");
        assertThat(refused.kind().status()).isEqualTo(409);
        assertThat(refused.getMessage()).isEqualTo("coupon 7 is sold out");
        assertThat(refused.properties()).containsExactly(Map.entry("couponId", 7L));
        assertThat(refused.getStackTrace()).isEmpty();
        assertThat(refused.getCause()).isNull();
    }

    @Test
    void aRefusalCausedByAFailureKeepsTheCauseAndItsTrace() {
        IllegalStateException failure = new IllegalStateException("redis down");

        BusinessException refused = new BusinessException("SERVICE_UNAVAILABLE", BusinessException.Kind.UNAVAILABLE,
                "try again", Map.of(), failure) {
        };

        assertThat(refused.getCause()).isSameAs(failure);
        assertThat(refused.getCause().getStackTrace()).isNotEmpty();
        assertThat(refused.getStackTrace()).isEmpty();
    }
}
