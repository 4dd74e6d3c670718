package io.shopsaga.gateway.web;

import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.web.server.ServerWebExchange;

/**
 * The request id rule of every ShopSaga service (the same as {@code io.shopsaga.defaults.web.RequestIds}, which
 * lives in a servlet-based library the reactive gateway must not pull in): accept a client's well-formed id,
 * else mint one.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";

    /** Exchange attribute holding the id chosen for the request; shared by every mutated copy of the exchange. */
    public static final String ATTRIBUTE = RequestIds.class.getName() + ".id";

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    /** The id to use for a request that arrived with {@code candidate} (possibly null). */
    public static String accept(String candidate) {
        return candidate != null && VALID.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }

    /** The id chosen for this exchange, or {@code "-"} when the request id filter has not run. */
    public static String of(ServerWebExchange exchange) {
        return exchange.getAttributeOrDefault(ATTRIBUTE, "-");
    }
}
