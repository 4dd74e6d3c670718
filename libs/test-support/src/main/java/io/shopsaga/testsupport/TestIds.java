package io.shopsaga.testsupport;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Ids no other test in the JVM uses, so tests sharing a context and database never see each other's rows.
 */
public final class TestIds {

    private static final AtomicLong NEXT = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 1000);

    private TestIds() {
    }

    public static long next() {
        return NEXT.incrementAndGet();
    }
}
