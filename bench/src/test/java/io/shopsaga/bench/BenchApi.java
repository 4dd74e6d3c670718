package io.shopsaga.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain HTTP calls for a scenario's set-up and its invariant check, outside the measured load. */
public final class BenchApi {

    private static final Pattern BALANCE = Pattern.compile("\"balance\":(\\d+)");
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern ISSUED_COUPON_ID = Pattern.compile("\"issuedCouponId\":(\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private BenchApi() {
    }

    public static long balance(long userId) {
        return number(BALANCE, get("/api/v1/balances/" + userId));
    }

    public static void charge(long userId, long amount) {
        send(HttpRequest.newBuilder(URI.create(BenchSettings.BASE_URL + "/api/v1/balances/" + userId + "/charges"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":" + amount + "}")), 200);
    }

    /** Opens a campaign of {@code quantity} coupons (no issue window) and returns its id. */
    public static long createCoupon(String name, int quantity) {
        return number(ID, send(HttpRequest.newBuilder(URI.create(BenchSettings.BASE_URL + "/api/v1/coupons"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name
                        + "\",\"discountType\":\"AMOUNT\",\"discountValue\":1000,\"totalQuantity\":" + quantity + "}")),
                201));
    }

    /** Issues one coupon of the campaign to the user; the issued coupon's id. */
    public static long issueCoupon(long couponId, long userId) {
        return number(ISSUED_COUPON_ID, send(HttpRequest.newBuilder(
                URI.create(BenchSettings.BASE_URL + "/api/v1/coupons/" + couponId + "/issue"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":" + userId + "}")), 201));
    }

    /** Creates a product through the gateway (operator endpoint); its id. */
    public static long createProduct(String name, long price, long stock) {
        return number(ID, send(HttpRequest.newBuilder(URI.create(BenchSettings.BASE_URL + "/api/v1/products"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"" + name + "\",\"price\":" + price + ",\"stock\":" + stock + "}")), 201));
    }

    /** Places an order and waits for its outcome ({@code Prefer: wait=10}); fails unless it completed. */
    public static void completeOrder(String body) {
        String answer = send(HttpRequest.newBuilder(URI.create(BenchSettings.BASE_URL + "/api/v1/orders"))
                .header("Content-Type", "application/json")
                .header("Prefer", "wait=10")
                .POST(HttpRequest.BodyPublishers.ofString(body)), 201);
        if (!answer.contains("\"status\":\"COMPLETED\"")) {
            throw new IllegalStateException("The order did not complete: " + answer);
        }
    }

    /** The campaign's issuedQuantity and remainingQuantity as the API reports them. */
    public static Map<String, Long> couponCounts(long couponId) {
        String body = get("/api/v1/coupons/" + couponId);
        return Map.of("issuedQuantity", number(Pattern.compile("\"issuedQuantity\":(\\d+)"), body),
                "remainingQuantity", number(Pattern.compile("\"remainingQuantity\":(\\d+)"), body));
    }

    /** The body of {@code GET path}, failing unless it answers 200. */
    public static String get(String path) {
        return send(HttpRequest.newBuilder(URI.create(BenchSettings.BASE_URL + path)).GET(), 200);
    }

    /** The first group of {@code pattern} in {@code body}, as a number; fails on any other answer. */
    public static long number(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("Unexpected answer (no " + pattern + "): " + body);
        }
        return Long.parseLong(m.group(1));
    }

    /** Sends the request and answers the body, failing unless the status is {@code expectedStatus}. */
    public static String send(HttpRequest.Builder request, int expectedStatus) {
        HttpRequest built = request.timeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> response = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot reach " + built.uri() + ": is the stack running? (bin/stack up)", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
