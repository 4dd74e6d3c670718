package io.shopsaga.defaults.error;

import java.util.Map;

/**
 * A refusal by a business rule, carrying the stable error code clients see in the problem detail.
 *
 * <p>Plain Java on purpose: domain code throws it without depending on web classes; the shared
 * advice turns the {@link Kind} into an HTTP status.
 *
 * <p>A refusal is an answer, not a fault: it carries no stack trace (filling one in through a web request's
 * hundred frames cost more than the rest of a sold-out answer), only its cause if it has one.
 */
public class BusinessException extends RuntimeException {

    /** How a refusal maps onto HTTP, chosen by the domain without naming status codes. */
    public enum Kind {
        INVALID(400), NOT_FOUND(404), CONFLICT(409), UNAVAILABLE(503);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final String code;
    private final Kind kind;
    private final Map<String, Object> properties;

    public BusinessException(String code, Kind kind, String detail) {
        this(code, kind, detail, Map.of());
    }

    public BusinessException(String code, Kind kind, String detail, Map<String, Object> properties) {
        this(code, kind, detail, properties, null);
    }

    protected BusinessException(String code, Kind kind, String detail, Map<String, Object> properties,
            Throwable cause) {
        super(detail, cause, false, false);
        this.code = code;
        this.kind = kind;
        this.properties = Map.copyOf(properties);
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** Extra problem members, such as the {@code orderId} of a failed order. */
    public Map<String, Object> properties() {
        return properties;
    }
}
