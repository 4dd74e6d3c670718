package io.shopsaga.bench.order;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import io.shopsaga.bench.BenchApi;
import io.shopsaga.bench.BenchDb;
import io.shopsaga.bench.BenchSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The order saga under load through the gateway: {@code -Dconcurrency} clients (64 here: at 300 orders/s and about
 * 190 ms from request to outcome, some 57 orders are in flight, more than the usual 32 clients) placing orders one
 * after the other for {@code -Dduration} seconds, each waiting for its outcome ({@code Prefer: wait}); at least
 * {@code -DminRps} (300) orders per second must complete. Half the lines go to a few hot products, the rest to
 * many; the first order of {@code -DcouponUsers} users uses a coupon. Afterwards, from the services' own databases:
 * no order is left PENDING, every 201 is a COMPLETED order, and the conservation rules hold for every product, user
 * and coupon of the run (initial stock = stock + quantity in COMPLETED orders;
 * balance = charge − paid of COMPLETED orders; coupons USED = COMPLETED orders that used one).
 */
public class OrderSagaSimulation extends Simulation {

    private static final int CONCURRENCY = Integer.getInteger("concurrency", 64);
    private static final int USERS = Integer.getInteger("users", 2_000);
    private static final int HOT_PRODUCTS = Integer.getInteger("hotProducts", 3);
    private static final int MANY_PRODUCTS = Integer.getInteger("manyProducts", 100);
    private static final int COUPON_USERS = Integer.getInteger("couponUsers", 500);
    private static final long STOCK = 1_000_000;
    private static final long CHARGE = 10_000_000;

    private final long firstUser = BenchSettings.firstFreshUserId();
    private final List<Long> hot = new ArrayList<>();
    private final List<Long> many = new ArrayList<>();
    private final Map<Long, Long> couponOf = new HashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final Map<String, AtomicLong> refusals = new java.util.concurrent.ConcurrentHashMap<>();
    private long couponId;

    private final Iterator<Map<String, Object>> orders = new Iterator<>() {
        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Map<String, Object> next() {
            long n = sequence.getAndIncrement();
            long user = firstUser + n % USERS;
            Long coupon = n < COUPON_USERS ? couponOf.get(user) : null;
            return Map.of("body", orderBody(user, coupon));
        }
    };

    private final ChainBuilder order = feed(orders)
            .exec(http("POST order").post("/api/v1/orders")
                    .header("Prefer", "wait=10")
                    .body(StringBody("#{body}"))
                    .check(status().in(201, 409).saveAs("status"))
                    // Only a refusal's body is parsed: the load generator shares the cores with the system.
                    .checkIf((response, session) -> response.status().code() == 409)
                    .then(jsonPath("$.code").saveAs("code")))
            .exec(session -> {
                if (!session.isFailed()) {
                    if (session.getInt("status") == 201) {
                        completed.incrementAndGet();
                    }
                    else {
                        refusals.computeIfAbsent(session.getString("code"), c -> new AtomicLong()).incrementAndGet();
                    }
                }
                return session;
            });

    {
        setUp(BenchSettings.clients("place an order and wait for its outcome", order, CONCURRENCY))
                .protocols(BenchSettings.protocol())
                .assertions(BenchSettings.targets(500, 300));
    }

    @Override
    public void before() {
        for (int i = 0; i < HOT_PRODUCTS; i++) {
            hot.add(BenchApi.createProduct("bench hot " + i, 1_000 + i, STOCK));
        }
        for (int i = 0; i < MANY_PRODUCTS; i++) {
            many.add(BenchApi.createProduct("bench item " + i, 500 + 10L * i, STOCK));
        }
        for (int i = 0; i < USERS; i++) {
            BenchApi.charge(firstUser + i, CHARGE);
        }
        couponId = BenchApi.createCoupon("bench orders " + firstUser, COUPON_USERS);
        for (int i = 0; i < COUPON_USERS; i++) {
            couponOf.put(firstUser + i, BenchApi.issueCoupon(couponId, firstUser + i));
        }
        System.out.printf("SET UP: %d hot + %d products, %d users charged %d KRW, %d coupons issued%n",
                HOT_PRODUCTS, MANY_PRODUCTS, USERS, CHARGE, COUPON_USERS);
    }

    /** The exact checks over the whole run; throws (failing the run) when any is broken. */
    @Override
    public void after() {
        long lastUser = firstUser + USERS - 1;
        long pending = awaitNoPending(lastUser);
        Map<String, Long> byStatus = BenchDb.query("orders",
                "SELECT status, COUNT(*) FROM customer_order WHERE user_id BETWEEN ? AND ? GROUP BY status",
                firstUser, lastUser).stream().collect(Collectors.toMap(r -> (String) r[0], r -> ((Number) r[1]).longValue()));
        List<String> broken = new ArrayList<>();
        if (pending != 0) {
            broken.add(pending + " orders still PENDING");
        }
        long completedInDb = byStatus.getOrDefault("COMPLETED", 0L);
        if (completedInDb != completed.get()) {
            broken.add("201s=" + completed.get() + " but COMPLETED orders=" + completedInDb);
        }
        broken.addAll(stockConserved(lastUser));
        broken.addAll(balancesConserved(lastUser));
        long couponsUsed = BenchDb.number("coupon",
                "SELECT COUNT(*) FROM issued_coupon WHERE coupon_id = ? AND status = 'USED'", couponId);
        long ordersWithCoupon = BenchDb.number("orders", "SELECT COUNT(*) FROM customer_order WHERE user_id BETWEEN ? "
                + "AND ? AND status = 'COMPLETED' AND issued_coupon_id IS NOT NULL", firstUser, lastUser);
        if (couponsUsed != ordersWithCoupon) {
            broken.add("coupons USED=" + couponsUsed + " but COMPLETED orders with a coupon=" + ordersWithCoupon);
        }
        String summary = String.format("orders by status %s, refusals %s, coupons used %d", byStatus, refusals,
                couponsUsed);
        if (!broken.isEmpty()) {
            throw new IllegalStateException("INVARIANT BROKEN: " + broken + "; " + summary);
        }
        System.out.printf("INVARIANT OK: no order PENDING; stock, balances and coupons conserved over %d products "
                + "and %d users; %s%n", hot.size() + many.size(), USERS, summary);
    }

    private long awaitNoPending(long lastUser) {
        long pending = Long.MAX_VALUE;
        for (int i = 0; i < 60 && pending != 0; i++) {
            pending = BenchDb.number("orders",
                    "SELECT COUNT(*) FROM customer_order WHERE user_id BETWEEN ? AND ? AND status = 'PENDING'",
                    firstUser, lastUser);
            if (pending != 0) {
                sleep(1_000);
            }
        }
        return pending;
    }

    private List<String> stockConserved(long lastUser) {
        Map<Long, Long> sold = new HashMap<>();
        for (Object[] row : BenchDb.query("orders", "SELECT l.product_id, SUM(l.quantity) FROM order_line l "
                + "JOIN customer_order o ON o.id = l.order_id WHERE o.user_id BETWEEN ? AND ? AND o.status = 'COMPLETED' "
                + "GROUP BY l.product_id", firstUser, lastUser)) {
            sold.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        List<String> broken = new ArrayList<>();
        List<Long> products = new ArrayList<>(hot);
        products.addAll(many);
        for (long product : products) {
            long stock = BenchDb.number("product", "SELECT stock FROM product WHERE id = ?", product);
            long expected = STOCK - sold.getOrDefault(product, 0L);
            if (stock != expected) {
                broken.add("product " + product + " stock " + stock + " != " + expected);
            }
        }
        return broken;
    }

    private List<String> balancesConserved(long lastUser) {
        Map<Long, Long> paid = new HashMap<>();
        for (Object[] row : BenchDb.query("orders", "SELECT user_id, SUM(paid_amount) FROM customer_order "
                + "WHERE user_id BETWEEN ? AND ? AND status = 'COMPLETED' GROUP BY user_id", firstUser, lastUser)) {
            paid.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        Map<Long, Long> balances = new HashMap<>();
        for (Object[] row : BenchDb.query("balance",
                "SELECT user_id, balance FROM balance_account WHERE user_id BETWEEN ? AND ?", firstUser, lastUser)) {
            balances.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        List<String> broken = new ArrayList<>();
        for (long user = firstUser; user <= lastUser; user++) {
            long expected = CHARGE - paid.getOrDefault(user, 0L);
            long actual = balances.getOrDefault(user, -1L);
            if (actual != expected) {
                broken.add("user " + user + " balance " + actual + " != " + expected);
            }
        }
        return broken;
    }

    private String orderBody(long user, Long coupon) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Set<Long> products = new LinkedHashSet<>();
        int lines = 1 + random.nextInt(3);
        while (products.size() < lines) {
            List<Long> from = random.nextBoolean() ? hot : many;
            products.add(from.get(random.nextInt(from.size())));
        }
        String items = products.stream()
                .map(p -> "{\"productId\":" + p + ",\"quantity\":" + (1 + random.nextInt(3)) + "}")
                .collect(Collectors.joining(","));
        return "{\"userId\":" + user + ",\"items\":[" + items + "],\"issuedCouponId\":" + coupon + "}";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
