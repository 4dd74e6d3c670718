package io.shopsaga.ranking;

import io.shopsaga.ranking.domain.CompletedOrder;
import io.shopsaga.ranking.domain.CompletedOrder.SoldLine;
import io.shopsaga.testsupport.TestIds;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Completed orders and sales days for tests. */
public final class TestOrders {

    /**
     * A year ahead: later than any real order, and early enough that a day's Redis set (which expires 31 days after
     * the day) is not already expired when it is written.
     */
    private static final LocalDate FIRST_TEST_DAY = LocalDate.now(ZoneOffset.UTC).plusYears(1);
    private static final AtomicInteger SPANS = new AtomicInteger();

    private TestOrders() {
    }

    /**
     * A day 40 days from any other test's: the rankings are global, so tests sharing a context keep apart by their
     * days (a test uses a few days around its own, a window reaches 29 days back), as they do by their ids elsewhere.
     */
    public static LocalDate freshDay() {
        return FIRST_TEST_DAY.plusDays(40L * SPANS.incrementAndGet());
    }

    public static CompletedOrder order(Instant completedAt, SoldLine... lines) {
        return new CompletedOrder(TestIds.next(), completedAt, List.of(lines));
    }

    /** A line as the order saw it: named "Ordered &lt;id&gt;" at 1,000 KRW. */
    public static SoldLine line(long productId, int quantity) {
        return new SoldLine(productId, orderedName(productId), 1_000, quantity);
    }

    public static SoldLine line(long productId, String name, long unitPrice, int quantity) {
        return new SoldLine(productId, name, unitPrice, quantity);
    }

    public static String orderedName(long productId) {
        return "Ordered " + productId;
    }
}
