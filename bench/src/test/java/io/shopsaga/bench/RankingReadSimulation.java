package io.shopsaga.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code GET /topProducts} (the seed alias: 3 days, top 5) through the gateway from {@code -Dconcurrency} clients,
 * while orders arrive at a steady {@code -DorderRate} per second (10; an open model: a new order every tenth of a
 * second whatever the readers do, each waiting for its outcome), so the ranking changes under the readers. Every
 * answer must be a ranking of 1 to 5 lines and every order must complete; the readers' p99 and throughput are
 * asserted.
 */
public class RankingReadSimulation extends Simulation {

    private static final int ORDER_RATE = Integer.getInteger("orderRate", 10);
    private static final int BUYERS = 20;

    private final long firstUser = BenchSettings.firstFreshUserId();
    private final List<Long> products = new ArrayList<>();
    private final AtomicLong orders = new AtomicLong();

    {
        setUp(
                BenchSettings.clients("top products", exec(http("GET topProducts").get("/topProducts")
                        .check(status().is(200))
                        .check(jsonPath("$[0].rank").ofInt().is(1))
                        .check(jsonPath("$[5]").notExists()))),
                scenario("orders placed meanwhile")
                        .exec(session -> session.set("body", orderBody()))
                        .exec(http("POST order").post("/api/v1/orders")
                                .header("Prefer", "wait=10")
                                .body(StringBody("#{body}"))
                                .check(status().is(201))
                                .check(jsonPath("$.status").is("COMPLETED")))
                        .injectOpen(constantUsersPerSec(ORDER_RATE)
                                .during(Duration.ofSeconds(BenchSettings.DURATION_SECONDS))))
                .protocols(BenchSettings.protocol())
                .assertions(
                        global().failedRequests().count().is(0L),
                        details("GET topProducts").responseTime().percentile(99.0)
                                .lte(Integer.getInteger("p99", 50)),
                        details("GET topProducts").requestsPerSec()
                                .gte((double) Integer.getInteger("minRps", 3_000)));
    }

    @Override
    public void before() {
        for (int i = 0; i < 20; i++) {
            products.add(BenchApi.createProduct("bench ranked " + i, 100 + i, 1_000_000));
        }
        for (int i = 0; i < BUYERS; i++) {
            BenchApi.charge(firstUser + i, 10_000_000);
        }
        // On a fresh stack the ranking is empty until a first order counts: wait for one, so every read is a ranking.
        BenchApi.completeOrder(orderBody());
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!BenchApi.get("/topProducts").contains("\"rank\":1,")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("GET /topProducts is still empty 15 s after a completed order");
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
    }

    private String orderBody() {
        long product = products.get(ThreadLocalRandom.current().nextInt(products.size()));
        long buyer = firstUser + orders.getAndIncrement() % BUYERS;
        return "{\"userId\":" + buyer + ",\"items\":[{\"productId\":" + product
                + ",\"quantity\":" + (1 + ThreadLocalRandom.current().nextInt(5)) + "}]}";
    }
}
