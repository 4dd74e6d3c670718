package io.shopsaga.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * {@code POST /api/v1/balances/{id}/charges} through the gateway, spread over many users or all on
 * one hot user ({@code -Dhot=true}). Afterwards every user's balance must equal exactly the sum of
 * the charges that were answered 200 — no lost update, no double charge.
 */
public class BalanceChargeSimulation extends Simulation {

    private final boolean hot = Boolean.getBoolean("hot");
    private final long firstUser = BenchSettings.firstFreshUserId();
    private final int users = hot ? 1 : BenchSettings.USERS;
    private final Map<Long, AtomicLong> accepted = new ConcurrentHashMap<>();

    private final Iterator<Map<String, Object>> charges = Stream.generate(() -> Map.<String, Object>of(
            "userId", firstUser + ThreadLocalRandom.current().nextInt(users),
            "amount", 1 + ThreadLocalRandom.current().nextLong(10_000))).iterator();

    private final ChainBuilder charge = feed(charges)
            .exec(http("POST charge").post("/api/v1/balances/#{userId}/charges")
                    .body(StringBody("{\"amount\":#{amount}}"))
                    .check(status().is(200)))
            .exec(session -> {
                if (!session.isFailed()) {
                    accepted.computeIfAbsent(session.getLong("userId"), id -> new AtomicLong())
                            .addAndGet(session.getLong("amount"));
                }
                return session;
            });

    {
        setUp(BenchSettings.clients(hot ? "charge one hot user" : "charge random users", charge))
                .protocols(BenchSettings.protocol())
                .assertions(BenchSettings.targets(50, 1_500));
    }

    /** The invariant: each balance is exactly the sum of its accepted charges. Fails the run otherwise. */
    @Override
    public void after() {
        long checked = 0;
        long total = 0;
        for (Map.Entry<Long, AtomicLong> entry : accepted.entrySet()) {
            long actual = BenchApi.balance(entry.getKey());
            if (actual != entry.getValue().get()) {
                throw new IllegalStateException("INVARIANT BROKEN: user " + entry.getKey() + " has " + actual
                        + " but accepted charges sum to " + entry.getValue().get());
            }
            checked++;
            total += actual;
        }
        System.out.printf("INVARIANT OK: %d users, balances equal the sum of accepted charges (%d KRW in all)%n",
                checked, total);
    }
}
