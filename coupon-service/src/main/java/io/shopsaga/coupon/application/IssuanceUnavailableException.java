package io.shopsaga.coupon.application;

import io.shopsaga.defaults.error.BusinessException;
import io.shopsaga.defaults.error.ErrorCodes;
import java.time.Duration;
import java.util.Map;

/**
 * Issuance cannot answer safely right now (the gate is being rebuilt, Redis or MySQL failed); nothing was
 * issued, and the same request may be sent again after {@link #retryAfter()}.
 */
public class IssuanceUnavailableException extends BusinessException {

    private final Duration retryAfter;

    public IssuanceUnavailableException(String detail, Duration retryAfter, Throwable cause) {
        super(ErrorCodes.SERVICE_UNAVAILABLE, Kind.UNAVAILABLE, detail, Map.of(), cause);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
