package io.shopsaga.bench.product;

import io.shopsaga.bench.BenchApi;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain HTTP calls for a product scenario's set-up and checks, outside the measured load. */
final class ProductApi {

    private static final Pattern TOTAL = Pattern.compile("\"totalElements\":(\\d+)");
    private static final Pattern CACHE_MODE = Pattern.compile("\"productCache\":\\{.*?\"cache\":\"([A-Z]+)\"");

    private ProductApi() {
    }

    /** How many products the catalogue lists. */
    static long total() {
        String body = BenchApi.send(HttpRequest.newBuilder(
                URI.create(ProductBenchSettings.BASE_URL + "/api/v1/products?page=0&size=1")).GET(), 200);
        return BenchApi.number(TOTAL, body);
    }

    /**
     * Fails unless product-service's health says its cache is {@code expected} ({@code UP} or {@code DISABLED}),
     * so a cached/uncached comparison never compares two runs of the same mode by mistake.
     */
    static void requireCacheMode(String expected) {
        if (ProductBenchSettings.SKIP_CACHE_CHECK) {
            return;
        }
        String health = BenchApi.send(HttpRequest.newBuilder(
                URI.create(ProductBenchSettings.PRODUCT_SERVICE_URL + "/actuator/health")).GET(), 200);
        Matcher m = CACHE_MODE.matcher(health);
        String actual = m.find() ? m.group(1) : "unknown";
        if (!actual.equals(expected)) {
            throw new IllegalStateException("product-service's cache is " + actual + ", this scenario needs " + expected
                    + (expected.equals("DISABLED")
                            ? ": restart product-service with SHOPSAGA_PRODUCT_CACHE_ENABLED=false"
                            : ": restart product-service without SHOPSAGA_PRODUCT_CACHE_ENABLED=false (and with Redis up)")
                    + " (or pass -DskipCacheCheck=true)");
        }
    }
}
