package io.shopsaga.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;

/** Knobs every scenario shares, set with -D on the command line (see bench/README.md). */
public final class BenchSettings {

    public static final String BASE_URL = System.getProperty("baseUrl", "http://localhost:8080");
    /**
     * Clients sending at once, each sending its next request as soon as it has the answer (a closed model):
     * the throughput measured is what the system sustains at that concurrency, asserted against a minimum.
     */
    public static final int CONCURRENCY = Integer.getInteger("concurrency", 32);
    public static final int DURATION_SECONDS = Integer.getInteger("duration", 30);
    public static final int USERS = Integer.getInteger("users", 1000);

    private BenchSettings() {
    }

    public static HttpProtocolBuilder protocol() {
        return http.baseUrl(BASE_URL)
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                .shareConnections()
                .disableCaching();
    }

    /**
     * {@link #CONCURRENCY} clients, each repeating {@code request} for {@link #DURATION_SECONDS}; a request in
     * flight when the time is up still gets its answer (and its bookkeeping), so the checks afterwards are exact.
     */
    public static PopulationBuilder clients(String name, ChainBuilder request) {
        return clients(name, request, CONCURRENCY);
    }

    /** The same with {@code concurrency} clients, for a scenario whose default differs from {@link #CONCURRENCY}. */
    public static PopulationBuilder clients(String name, ChainBuilder request, int concurrency) {
        return io.gatling.javaapi.core.CoreDsl.scenario(name)
                .during(Duration.ofSeconds(DURATION_SECONDS), "iteration", false).on(request)
                .injectOpen(atOnceUsers(concurrency));
    }

    /** The scenario (which loops by itself) started by {@link #CONCURRENCY} clients at once. */
    public static PopulationBuilder clients(ScenarioBuilder looping) {
        return looping.injectOpen(atOnceUsers(CONCURRENCY));
    }

    /**
     * The pass criteria every scenario shares: no failed request, the p99 within {@code -Dp99} (or the scenario's
     * default) and at least {@code -DminRps} (or the scenario's default) requests per second.
     */
    public static Assertion[] targets(int defaultP99Millis, int defaultMinRps) {
        return new Assertion[] {
                global().failedRequests().count().is(0L),
                global().responseTime().percentile(99.0).lte(Integer.getInteger("p99", defaultP99Millis)),
                global().requestsPerSec().gte((double) Integer.getInteger("minRps", defaultMinRps))};
    }

    /** User ids no earlier run used, so every run starts from balance 0. */
    public static long firstFreshUserId() {
        return System.currentTimeMillis() * 1000;
    }
}
