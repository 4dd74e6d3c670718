package io.shopsaga.bench;

import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.http.HttpProtocolBuilder;

/** Knobs every scenario shares, set with -D on the command line (see bench/README.md). */
final class BenchSettings {

    static final String BASE_URL = System.getProperty("baseUrl", "http://localhost:8080");
    /** Requests (or arriving users) per second. */
    static final int RATE = Integer.getInteger("rate", 1000);
    static final int DURATION_SECONDS = Integer.getInteger("duration", 30);
    static final int USERS = Integer.getInteger("users", 1000);
    /** The p99 the scenario asserts, in milliseconds. */
    static final int P99_MS = Integer.getInteger("p99", 50);

    private BenchSettings() {
    }

    static HttpProtocolBuilder protocol() {
        return http.baseUrl(BASE_URL)
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                .shareConnections()
                .disableCaching();
    }

    /** User ids no earlier run used, so every run starts from balance 0. */
    static long firstFreshUserId() {
        return System.currentTimeMillis() * 1000;
    }
}
