package io.shopsaga.bench.product;

import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.shopsaga.bench.BenchSettings;

/** The shared knobs of {@link BenchSettings} (baseUrl, concurrency, duration), plus the product scenarios' own. */
final class ProductBenchSettings {

    static final String BASE_URL = BenchSettings.BASE_URL;
    /** The p99 each request kind must keep, in milliseconds. */
    static final int P99_MS = Integer.getInteger("p99", 50);
    /** How many products the set-up creates, and the scenarios read. */
    static final int PRODUCTS = Integer.getInteger("products", 200);
    /**
     * product-service's own port, used only before the load to check that its cache is in the mode the
     * scenario measures ({@code -DskipCacheCheck=true} skips the check).
     */
    static final String PRODUCT_SERVICE_URL = System.getProperty("productServiceUrl", "http://localhost:8082");
    static final boolean SKIP_CACHE_CHECK = Boolean.getBoolean("skipCacheCheck");

    private ProductBenchSettings() {
    }

    static HttpProtocolBuilder protocol() {
        return BenchSettings.protocol();
    }
}
