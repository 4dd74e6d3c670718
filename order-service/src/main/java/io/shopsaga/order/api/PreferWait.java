package io.shopsaga.order.api;

import io.shopsaga.defaults.error.BusinessException;
import io.shopsaga.defaults.error.ErrorCodes;
import java.time.Duration;
import java.util.Optional;

/** Reads {@code wait=N} (RFC 7240) out of a {@code Prefer} header; other preferences are ignored. */
final class PreferWait {

    static final int MAX_SECONDS = 30;

    private PreferWait() {
    }

    static Optional<Duration> parse(String prefer) {
        if (prefer == null) {
            return Optional.empty();
        }
        for (String preference : prefer.split("[,;]")) {
            String[] parts = preference.trim().split("=", 2);
            if (parts.length == 2 && parts[0].trim().equalsIgnoreCase("wait")) {
                String value = parts[1].trim().replace("\"", "");
                int seconds;
                try {
                    seconds = Integer.parseInt(value);
                }
                catch (NumberFormatException ex) {
                    seconds = -1;
                }
                if (seconds < 1 || seconds > MAX_SECONDS) {
                    throw new BusinessException(ErrorCodes.INVALID_REQUEST, BusinessException.Kind.INVALID,
                            "Prefer wait must be a whole number of seconds from 1 to " + MAX_SECONDS);
                }
                return Optional.of(Duration.ofSeconds(seconds));
            }
        }
        return Optional.empty();
    }
}
