package io.shopsaga.bench;

import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * {@code GET /api/v1/balances/{id}} of random users through the gateway, or all of one hot user
 * ({@code -Dhot=true}). Each user is charged a known amount first, and every answer must show exactly that amount.
 */
public class BalanceReadSimulation extends Simulation {

    private final long firstUser = BenchSettings.firstFreshUserId();
    private final int users = Boolean.getBoolean("hot") ? 1 : Math.min(BenchSettings.USERS, 2000);

    private final Iterator<Map<String, Object>> randomUsers = Stream.generate(() -> {
        long offset = ThreadLocalRandom.current().nextLong(users);
        return Map.<String, Object>of("userId", firstUser + offset, "expected", expectedBalance(offset));
    }).iterator();

    private final ChainBuilder read = feed(randomUsers)
            .exec(http("GET balance").get("/api/v1/balances/#{userId}")
                    .check(status().is(200))
                    .check(jsonPath("$.balance").ofLong().isEL("#{expected}")));

    {
        setUp(BenchSettings.clients(users == 1 ? "balance GET one hot user" : "balance GET random users", read))
                .protocols(BenchSettings.protocol())
                .assertions(BenchSettings.targets(50, 3_000));
    }

    @Override
    public void before() {
        for (int offset = 0; offset < users; offset++) {
            BenchApi.charge(firstUser + offset, expectedBalance(offset));
        }
    }

    private static long expectedBalance(long offset) {
        return 1_000 + offset;
    }
}
