package io.shopsaga.coupon.persistence;

/**
 * A campaign's state in Redis at one instant.
 *
 * @param granted how many users hold a grant (durable or still being written)
 */
public record GateState(long total, long remaining, long granted) {

    /** The invariant every script keeps: what is left is what was not granted. */
    public boolean consistent() {
        return remaining == Math.max(total - granted, 0);
    }
}
