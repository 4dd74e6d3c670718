package io.shopsaga.bench;

import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.http.HttpProtocolBuilder;

/** Knobs every scenario shares, set with -D on the command line (see bench/README.md). */
public final class BenchSettings {

    public static final String BASE_URL = System.getProperty("baseUrl", "http://localhost:8080");
    /** Requests (or arriving users) per second. */
    public static final int RATE = Integer.getInteger("rate", 1000);
    public static final int DURATION_SECONDS = Integer.getInteger("duration", 30);
    public static final int USERS = Integer.getInteger("users", 1000);
    /** The p99 the scenario asserts, in milliseconds. */
    public static final int P99_MS = Integer.getInteger("p99", 50);

    private BenchSettings() {
    }

    public static HttpProtocolBuilder protocol() {
        return http.baseUrl(BASE_URL)
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                .shareConnections()
                .disableCaching();
    }

    /** User ids no earlier run used, so every run starts from balance 0. */
    public static long firstFreshUserId() {
        return System.currentTimeMillis() * 1000;
    }
}
