package io.shopsaga.bench.product;

import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.PopulationBuilder;
import io.shopsaga.bench.BenchApi;
import io.shopsaga.bench.BenchSettings;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The two catalogue reads every product scenario measures: a list page ({@code GET /api/v1/products?page=&size=20})
 * and a product's detail ({@code GET /api/v1/products/{id}}), over products the set-up created with known prices.
 * Every answer is checked: a detail must show exactly its product's price, a page must be a full page of 20.
 */
final class ProductReads {

    static final int PAGE_SIZE = 20;

    private final String label;
    private final List<Long> ids = new ArrayList<>();
    private volatile long pages = 1;

    ProductReads(String label) {
        this.label = label;
    }

    /** Creates the products the scenarios read (the load itself changes nothing). */
    void setUp() {
        long runTag = System.currentTimeMillis() % 1_000_000;
        for (int i = 0; i < ProductBenchSettings.PRODUCTS; i++) {
            ids.add(BenchApi.createProduct("Bench product " + runTag + "-" + i, expectedPrice(i), 1_000));
        }
        pages = Math.max(1, ProductApi.total() / PAGE_SIZE);
    }

    List<PopulationBuilder> populations() {
        Iterator<Map<String, Object>> randomProducts = Stream.generate(() -> {
            int i = ThreadLocalRandom.current().nextInt(ids.size());
            return Map.<String, Object>of("productId", ids.get(i), "expectedPrice", expectedPrice(i));
        }).iterator();
        Iterator<Map<String, Object>> randomPages = Stream.generate(
                () -> Map.<String, Object>of("page", ThreadLocalRandom.current().nextLong(pages))).iterator();

        // Half the clients read details, half read list pages.
        return List.of(BenchSettings.clients(label + " detail and list page", randomSwitch().on(
                percent(50.0).then(feed(randomProducts)
                        .exec(http("GET product").get("/api/v1/products/#{productId}")
                                .check(status().is(200))
                                .check(jsonPath("$.price").ofLong().isEL("#{expectedPrice}")))),
                percent(50.0).then(feed(randomPages)
                        .exec(http("GET product page").get("/api/v1/products?page=#{page}&size=" + PAGE_SIZE)
                                .check(status().is(200))
                                .check(jsonPath("$.content[" + (PAGE_SIZE - 1) + "].id").exists()))))));
    }

    /**
     * No failed request, the p99 of each request kind within the budget, and at least {@code minRps} requests per
     * second in all ({@code -DminRps} overrides it).
     */
    static Assertion[] assertions(int minRps) {
        return new Assertion[] {
                global().failedRequests().count().is(0L),
                global().requestsPerSec().gte((double) Integer.getInteger("minRps", minRps)),
                details("GET product").responseTime().percentile(99.0).lte(ProductBenchSettings.P99_MS),
                details("GET product page").responseTime().percentile(99.0).lte(ProductBenchSettings.P99_MS)};
    }

    private static long expectedPrice(int index) {
        return 1_000 + index;
    }
}
