package io.shopsaga.defaults.web;

import java.util.UUID;
import java.util.regex.Pattern;

/** The request id rules shared by every service: accept a client's well-formed id, else mint one. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    /** The id to use for a request that arrived with {@code candidate} (possibly null). */
    public static String accept(String candidate) {
        return candidate != null && VALID.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }
}
