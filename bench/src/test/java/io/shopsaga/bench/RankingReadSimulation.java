package io.shopsaga.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
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

/**
 * {@code GET /topProducts} (the seed alias: 3 days, top 5) through the gateway from {@code -Dconcurrency} clients,
 * while {@code -DorderClients} (4) other clients keep placing orders, so the ranking changes under the readers.
 * Every answer must be a ranking of 1 to 5 lines; the readers' p99 and throughput are asserted, the orders' only
 * for having no failure.
 */
public class RankingReadSimulation extends Simulation {

    private static final int ORDER_CLIENTS = Integer.getInteger("orderClients", 4);

    private final long firstUser = BenchSettings.firstFreshUserId();
    private final List<Long> products = new ArrayList<>();

    {
        setUp(
                BenchSettings.clients("top products", exec(http("GET topProducts").get("/topProducts")
                        .check(status().is(200))
                        .check(jsonPath("$[0].rank").ofInt().is(1))
                        .check(jsonPath("$[5]").notExists()))),
                scenario("orders placed meanwhile")
                        .during(Duration.ofSeconds(BenchSettings.DURATION_SECONDS), "iteration", false).on(
                                exec(session -> session.set("body", orderBody(session.userId())))
                                        .exec(http("POST order").post("/api/v1/orders")
                                                .header("Prefer", "wait=10")
                                                .body(StringBody("#{body}"))
                                                .check(status().is(201))))
                        .injectOpen(atOnceUsers(ORDER_CLIENTS)))
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
        for (int i = 0; i < ORDER_CLIENTS; i++) {
            BenchApi.charge(firstUser + i, 10_000_000);
        }
    }

    private String orderBody(long client) {
        long product = products.get(ThreadLocalRandom.current().nextInt(products.size()));
        return "{\"userId\":" + (firstUser + (client - 1) % ORDER_CLIENTS) + ",\"items\":[{\"productId\":" + product
                + ",\"quantity\":" + (1 + ThreadLocalRandom.current().nextInt(5)) + "}]}";
    }
}
