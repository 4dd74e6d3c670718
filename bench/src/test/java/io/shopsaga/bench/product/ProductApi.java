package io.shopsaga.bench.product;

import io.shopsaga.bench.BenchApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain HTTP calls for a product scenario's set-up and checks, outside the measured load. */
final class ProductApi {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern TOTAL = Pattern.compile("\"totalElements\":(\\d+)");
    private static final Pattern CACHE_MODE = Pattern.compile("\"productCache\":\\{.*?\"cache\":\"([A-Z]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ProductApi() {
    }

    /** Creates a product through the gateway (operator endpoint); its id. */
    static long create(String name, long price, long stock) {
        return BenchApi.createProduct(name, price, stock);
    }

    /** How many products the catalogue lists. */
    static long total() {
        String body = send(HttpRequest.newBuilder(
                URI.create(ProductBenchSettings.BASE_URL + "/api/v1/products?page=0&size=1")).GET(), 200);
        return group(TOTAL, body, "product list");
    }

    /**
     * Fails unless product-service's health says its cache is {@code expected} ({@code UP} or {@code DISABLED}),
     * so a cached/uncached comparison never compares two runs of the same mode by mistake.
     */
    static void requireCacheMode(String expected) {
        if (ProductBenchSettings.SKIP_CACHE_CHECK) {
            return;
        }
        String health = send(HttpRequest.newBuilder(
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

    private static long group(Pattern pattern, String body, String what) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("Unexpected " + what + " answer: " + body);
        }
        return Long.parseLong(m.group(1));
    }

    private static String send(HttpRequest.Builder request, int expectedStatus) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }
        catch (IOException ex) {
            throw new IllegalStateException("Is the stack running at " + ProductBenchSettings.BASE_URL
                    + " (and product-service at " + ProductBenchSettings.PRODUCT_SERVICE_URL + ")? (bin/stack up)", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
