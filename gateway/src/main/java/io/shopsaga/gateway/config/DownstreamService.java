package io.shopsaga.gateway.config;

import java.util.Locale;

/** The services behind the gateway; each has its own address, timeouts and circuit breaker. */
public enum DownstreamService {
    BALANCE, PRODUCT, COUPON, ORDER, RANKING;

    /** The lower-case name used for the circuit breaker, route ids, metrics and configuration keys. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
