package io.shopsaga.coupon.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The value stored for a user in a campaign's grants hash: when the grant was made and a nonce, so a
 * release only ever removes the grant its caller made, and reconciliation can tell an old grant from one
 * whose durable write may still be running.
 */
public record GrantToken(Instant grantedAt, String nonce) {

    /** A fresh token for a grant made now. */
    public static GrantToken newAt(Instant now) {
        return new GrantToken(now, Long.toHexString(ThreadLocalRandom.current().nextLong()));
    }

    /** The token a rebuild writes for a user whose coupon is already in MySQL. */
    static GrantToken rebuiltFrom(Instant issuedAt) {
        return new GrantToken(issuedAt, "db");
    }

    public String value() {
        return grantedAt.toEpochMilli() + ":" + nonce;
    }

    /** Parses a stored value; empty for anything this code did not write. */
    public static Optional<GrantToken> parse(String value) {
        int colon = value == null ? -1 : value.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new GrantToken(Instant.ofEpochMilli(Long.parseLong(value.substring(0, colon))),
                    value.substring(colon + 1)));
        }
        catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }
}
