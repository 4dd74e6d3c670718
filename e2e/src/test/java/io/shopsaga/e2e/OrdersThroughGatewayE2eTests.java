package io.shopsaga.e2e;

import static io.shopsaga.e2e.BalanceThroughGatewayE2eTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.shopsaga.testsupport.HttpApi;
import io.shopsaga.testsupport.HttpApi.Response;
import io.shopsaga.testsupport.TestIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The order saga as a client sees it through the gateway, with every participant a real process and a real broker
 * between them: an order completes and changes stock, coupon and balance exactly, or fails and leaves no trace.
 */
class OrdersThroughGatewayE2eTests {

    static final SystemUnderTest system = SystemUnderTest.get();
    static final HttpApi api = system.gatewayApi();

    @Test
    void theSeedAliasCompletesAnOrderWithACouponAndChargesExactlyThePaidAmount() {
        long user = TestIds.next();
        long mug = createProduct(12_000, 10);
        long tea = createProduct(4_500, 20);
        charge(user, 50_000);
        long issuedCoupon = issueCoupon(user, createCoupon("AMOUNT", 3_000));

        Response placed = api.post("/order", orderBody(user, Map.of(mug, 2, tea, 1), issuedCoupon));

        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        JsonNode order = placed.json();
        long orderId = order.get("orderId").asLong();
        assertThat(placed.header("Location")).endsWith("/api/v1/orders/" + orderId);
        assertThat(order.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(order.get("totalAmount").asLong()).isEqualTo(28_500);
        assertThat(order.get("discountAmount").asLong()).isEqualTo(3_000);
        assertThat(order.get("paidAmount").asLong()).isEqualTo(25_500);
        assertThat(balance(user)).isEqualTo(50_000 - 25_500);
        awaitStock(mug, 8);
        awaitStock(tea, 19);
        assertThat(couponStatus(user, issuedCoupon)).isEqualTo("USED");
        assertThat(api.get("/api/v1/orders/" + orderId).json().get("status").asString()).isEqualTo("COMPLETED");
        JsonNode mine = api.get("/api/v1/users/" + user + "/orders?page=0&size=20").json();
        assertThat(mine.get("totalElements").asLong()).isEqualTo(1);
        assertThat(mine.get("content").get(0).get("orderId").asLong()).isEqualTo(orderId);
        await(() -> deliveriesOf(orderId) == 1 ? true : null, Duration.ofSeconds(10));
    }

    @Test
    void completedOrdersReachTheDataPlatformOnceEvenWhenItWasDownAtFirst() {
        long user = TestIds.next();
        long product = createProduct(1_000, 10);
        charge(user, 10_000);
        system.dataPlatform.stubFor(WireMock.post("/orders").atPriority(1)
                .withHeader("Idempotency-Key", WireMock.matching("order-.*"))
                .willReturn(WireMock.aResponse().withStatus(503)));
        long first;
        long second;
        try {
            first = api.post("/order", orderBody(user, Map.of(product, 1), null)).json().get("orderId").asLong();
            second = api.post("/order", orderBody(user, Map.of(product, 2), null)).json().get("orderId").asLong();
            await(() -> deliveriesOf(first) > 0 && deliveriesOf(second) > 0 ? true : null, Duration.ofSeconds(10));
        }
        finally {
            system.dataPlatform.resetMappings();
            system.dataPlatform.stubFor(WireMock.post("/orders").willReturn(WireMock.aResponse().withStatus(202)));
        }

        for (long orderId : List.of(first, second)) {
            await(() -> "DELIVERED".equals(deliveryStatus(orderId)) ? true : null, Duration.ofSeconds(20));
            assertThat(acceptedDeliveriesOf(orderId)).isEqualTo(1);
        }
    }

    @Test
    void anOrderShortOfStockFailsAndLeavesStockCouponAndBalanceAsTheyWere() {
        long user = TestIds.next();
        long plenty = createProduct(1_000, 50);
        long scarce = createProduct(1_000, 2);
        charge(user, 100_000);
        long issuedCoupon = issueCoupon(user, createCoupon("PERCENT", 10));

        Response placed = api.post("/order", orderBody(user, Map.of(plenty, 5, scarce, 3), issuedCoupon));

        assertFailedWithoutTrace(placed, "OUT_OF_STOCK");
        assertThat(balance(user)).isEqualTo(100_000);
        awaitStock(plenty, 50);
        awaitStock(scarce, 2);
        assertThat(couponStatus(user, issuedCoupon)).isEqualTo("AVAILABLE");
    }

    @Test
    void anotherUsersCouponFailsTheOrderAndEverythingIsReleased() {
        long owner = TestIds.next();
        long buyer = TestIds.next();
        long product = createProduct(8_000, 10);
        charge(buyer, 30_000);
        long othersCoupon = issueCoupon(owner, createCoupon("AMOUNT", 1_000));

        Response placed = api.post("/order", orderBody(buyer, Map.of(product, 2), othersCoupon));

        assertFailedWithoutTrace(placed, "COUPON_UNAVAILABLE");
        assertThat(balance(buyer)).isEqualTo(30_000);
        awaitStock(product, 10);
        assertThat(couponStatus(owner, othersCoupon)).isEqualTo("AVAILABLE");
    }

    @Test
    void aBalanceThatDoesNotCoverTheOrderFailsItAndRestoresStockAndCoupon() {
        long user = TestIds.next();
        long product = createProduct(20_000, 10);
        charge(user, 10_000);
        long issuedCoupon = issueCoupon(user, createCoupon("AMOUNT", 5_000));

        Response placed = api.post("/order", orderBody(user, Map.of(product, 1), issuedCoupon));

        assertFailedWithoutTrace(placed, "INSUFFICIENT_BALANCE");
        assertThat(balance(user)).isEqualTo(10_000);
        awaitStock(product, 10);
        assertThat(couponStatus(user, issuedCoupon)).isEqualTo("AVAILABLE");
        JsonNode history = api.get("/api/v1/balances/" + user + "/history").json();
        assertThat(history.get("totalElements").asLong()).isEqualTo(1);
    }

    @Test
    void thirtyBuyersRacingForTenUnitsCompleteExactlyTenOrdersAndConserveStockAndBalances() throws Exception {
        long product = createProduct(7_000, 10);
        List<Long> buyers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long buyer = TestIds.next();
            charge(buyer, 10_000);
            buyers.add(buyer);
        }

        Map<Long, Response> outcomes = new HashMap<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(30)) {
            Map<Long, Future<Response>> pending = new HashMap<>();
            for (long buyer : buyers) {
                pending.put(buyer, pool.submit(() -> api.post("/api/v1/orders",
                        orderBody(buyer, Map.of(product, 1), null), Map.of("Prefer", "wait=20"))));
            }
            for (Map.Entry<Long, Future<Response>> entry : pending.entrySet()) {
                outcomes.put(entry.getKey(), entry.getValue().get());
            }
        }

        List<Long> completed = outcomes.entrySet().stream().filter(e -> e.getValue().status() == 201)
                .map(Map.Entry::getKey).toList();
        assertThat(completed).hasSize(10);
        outcomes.forEach((buyer, response) -> {
            if (response.status() != 201) {
                assertProblem(response, 409, "OUT_OF_STOCK");
            }
        });
        awaitStock(product, 0);
        for (long buyer : buyers) {
            assertThat(balance(buyer)).as("buyer %d", buyer).isEqualTo(completed.contains(buyer) ? 3_000 : 10_000);
        }
    }

    @Test
    void aParticipantStoppedMidSagaFinishesTheOrderWhenItComesBack() {
        long user = TestIds.next();
        long product = createProduct(5_000, 10);
        charge(user, 20_000);

        system.balance.stop();
        Response placed;
        try {
            placed = api.post("/api/v1/orders", orderBody(user, Map.of(product, 3), null), Map.of("Prefer", "wait=2"));
            assertThat(placed.status()).as(placed.body()).isEqualTo(202);
            assertThat(placed.json().get("status").asString()).isEqualTo("PENDING");
        }
        finally {
            system.balance.start();
        }
        long orderId = placed.json().get("orderId").asLong();

        JsonNode order = await(() -> {
            JsonNode current = api.get("/api/v1/orders/" + orderId).json();
            return "PENDING".equals(current.get("status").asString()) ? null : current;
        }, Duration.ofSeconds(45));
        assertThat(order.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(balance(user)).isEqualTo(20_000 - 15_000);
        awaitStock(product, 7);
    }

    /** How many times the data platform was sent this order (any answer). */
    static int deliveriesOf(long orderId) {
        return system.dataPlatform.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/orders"))
                .withHeader("Idempotency-Key", WireMock.equalTo("order-" + orderId))).size();
    }

    /** How many of those sends the platform accepted (answered 2xx). */
    static long acceptedDeliveriesOf(long orderId) {
        return system.dataPlatform.getAllServeEvents().stream()
                .filter(event -> ("order-" + orderId).equals(event.getRequest().getHeader("Idempotency-Key")))
                .filter(event -> event.getResponse().getStatus() / 100 == 2)
                .count();
    }

    /** data-platform-consumer's delivery log (an operator endpoint on its own port, not through the gateway). */
    static String deliveryStatus(long orderId) {
        Response log = HttpApi.onPort(system.dataPlatformConsumer.port()).get("/api/v1/deliveries/" + orderId);
        return log.status() == 200 ? log.json().get("status").asString() : null;
    }

    private static void assertFailedWithoutTrace(Response placed, String code) {
        assertProblem(placed, 409, code);
        long orderId = placed.json().get("orderId").asLong();
        JsonNode order = api.get("/api/v1/orders/" + orderId).json();
        assertThat(order.get("status").asString()).isEqualTo("FAILED");
        assertThat(order.get("failureCode").asString()).isEqualTo(code);
    }

    static long createProduct(long price, int stock) {
        Response created = api.post("/api/v1/products",
                "{\"name\":\"e2e item " + TestIds.next() + "\",\"price\":" + price + ",\"stock\":" + stock + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    static void charge(long user, long amount) {
        Response charged = api.post("/chargeBalance", "{\"userId\":" + user + ",\"amount\":" + amount + "}");
        assertThat(charged.status()).as(charged.body()).isEqualTo(200);
    }

    static long balance(long user) {
        return api.get("/api/v1/balances/" + user).json().get("balance").asLong();
    }

    static long createCoupon(String type, long value) {
        Response created = api.post("/api/v1/coupons", "{\"name\":\"e2e " + type + "\",\"discountType\":\"" + type
                + "\",\"discountValue\":" + value + ",\"totalQuantity\":10}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    static long issueCoupon(long user, long coupon) {
        Response issued = api.post("/issueCoupon", "{\"userId\":" + user + ",\"couponId\":" + coupon + "}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json().get("issuedCouponId").asLong();
    }

    static String couponStatus(long user, long issuedCoupon) {
        for (JsonNode held : api.get("/api/v1/users/" + user + "/coupons").json()) {
            if (held.get("issuedCouponId").asLong() == issuedCoupon) {
                return held.get("status").asString();
            }
        }
        throw new AssertionError("user " + user + " does not hold issued coupon " + issuedCoupon);
    }

    static String orderBody(long user, Map<Long, Integer> items, Long issuedCoupon) {
        StringBuilder lines = new StringBuilder();
        items.forEach((product, quantity) -> lines.append(lines.isEmpty() ? "" : ",")
                .append("{\"productId\":").append(product).append(",\"quantity\":").append(quantity).append('}'));
        return "{\"userId\":" + user + ",\"items\":[" + lines + "],\"issuedCouponId\":" + issuedCoupon + "}";
    }

    /** The product's stock as the catalogue shows it; reads may be cached for up to 2 s after a change. */
    static void awaitStock(long product, int expected) {
        Supplier<Integer> stock = () -> api.get("/api/v1/products/" + product).json().get("stock").asInt();
        Integer seen = await(() -> stock.get() == expected ? expected : null, Duration.ofSeconds(3));
        assertThat(seen).isEqualTo(expected);
    }

    /** Polls until {@code probe} answers non-null; fails after {@code timeout} with the last answer being null. */
    static <T> T await(Supplier<T> probe, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within " + timeout);
            }
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
        }
    }
}
