package io.shopsaga.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

/**
 * The coupon rush: {@code -Dusers} distinct users (20,000 by default) each try once to grab one of
 * {@code -Dcoupons} (1,000) through the gateway, as fast as the machine allows: {@code -Dconcurrency} clients
 * send them one after the other until every user has tried. Every answer must be
 * {@code 201} or {@code 409} (sold out); afterwards exactly {@code coupons} were issued — counted from the 201s,
 * from the campaign's API counts and from coupon-service's database (distinct users, no duplicates).
 */
public class CouponRushSimulation extends Simulation {

    private static final int COUPONS = Integer.getInteger("coupons", 1000);
    private static final int USERS = Integer.getInteger("users", 20_000);
    private static final String DB_URL = System.getProperty("couponDbUrl", "jdbc:mysql://127.0.0.1:3306/coupon");
    private static final String DB_USER = System.getProperty("couponDbUser", "coupon");
    private static final String DB_PASSWORD = System.getProperty("couponDbPassword", "coupon-local");

    private final long couponId = BenchApi.createCoupon("bench rush " + System.currentTimeMillis(), COUPONS);
    private final long firstUser = BenchSettings.firstFreshUserId();
    private final Set<Long> winners = ConcurrentHashMap.newKeySet();
    private final AtomicLong soldOut = new AtomicLong();

    private final Iterator<Map<String, Object>> users = feederOfUsers();

    private final ScenarioBuilder rush = scenario("coupon rush")
            .repeat(Math.ceilDiv(USERS, BenchSettings.CONCURRENCY)).on(feed(users)
            .doIf("#{send}").then(exec(http("POST issue").post("/api/v1/coupons/" + couponId + "/issue")
                    .body(StringBody("{\"userId\":#{userId}}"))
                    .check(status().in(201, 409).saveAs("status")))
            .exec(session -> {
                if (!session.isFailed()) {
                    if (session.getInt("status") == 201) {
                        winners.add(session.getLong("userId"));
                    }
                    else {
                        soldOut.incrementAndGet();
                    }
                }
                return session;
            })));

    {
        setUp(BenchSettings.clients(rush))
                .protocols(BenchSettings.protocol())
                .assertions(BenchSettings.targets(100, 2_000));
    }

    /** Each user once; when all have tried, the clients still looping send no more (their feed is empty). */
    private Iterator<Map<String, Object>> feederOfUsers() {
        Iterator<Long> ids = LongStream.range(0, USERS).iterator();
        return new Iterator<>() {
            @Override
            public synchronized boolean hasNext() {
                return true;
            }

            @Override
            public synchronized Map<String, Object> next() {
                return ids.hasNext() ? Map.of("userId", firstUser + ids.next(), "send", true) : Map.of("send", false);
            }
        };
    }

    /** Exactly {@code COUPONS} issued, by every count there is. Fails the run otherwise. */
    @Override
    public void after() {
        Map<String, Long> campaign = BenchApi.couponCounts(couponId);
        long rows;
        long distinctUsers;
        try (Connection db = DriverManager.getConnection(DB_URL, DB_USER, DB_PASSWORD);
                PreparedStatement count = db.prepareStatement(
                        "SELECT COUNT(*), COUNT(DISTINCT user_id) FROM issued_coupon WHERE coupon_id = ?")) {
            count.setLong(1, couponId);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                rows = rs.getLong(1);
                distinctUsers = rs.getLong(2);
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Cannot read coupon-service's database at " + DB_URL, ex);
        }
        String counts = String.format("201s=%d, 409s=%d, API issued=%d remaining=%d, DB rows=%d distinct users=%d",
                winners.size(), soldOut.get(), campaign.get("issuedQuantity"), campaign.get("remainingQuantity"),
                rows, distinctUsers);
        boolean exact = winners.size() == COUPONS && campaign.get("issuedQuantity") == COUPONS
                && campaign.get("remainingQuantity") == 0 && rows == COUPONS && distinctUsers == COUPONS;
        if (!exact) {
            throw new IllegalStateException("INVARIANT BROKEN: expected exactly " + COUPONS + " issued; " + counts);
        }
        System.out.printf("INVARIANT OK: coupon %d: %s%n", couponId, counts);
    }
}
