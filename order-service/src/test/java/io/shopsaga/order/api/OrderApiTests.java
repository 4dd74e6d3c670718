package io.shopsaga.order.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsaga.order.OrderServiceIntegrationTest;
import io.shopsaga.order.TestProductService;
import io.shopsaga.testsupport.HttpApi;
import io.shopsaga.testsupport.TestIds;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** The order endpoints' contract: shapes, bad input, idempotency, a product-service outage. */
class OrderApiTests extends OrderServiceIntegrationTest {

    long user = TestIds.next();
    long product = TestIds.next();

    @Test
    void acceptsAnOrderWith202AndItsLocation() {
        HttpApi.Response response = api.post("/api/v1/orders", order(user, product, 2, null));

        assertThat(response.status()).isEqualTo(202);
        long orderId = response.json().get("orderId").asLong();
        assertThat(response.json().get("status").asString()).isEqualTo("PENDING");
        assertThat(response.header("Location")).isEqualTo("/api/v1/orders/" + orderId);
        JsonNode order = api.get("/api/v1/orders/" + orderId).json();
        assertThat(order.get("userId").asLong()).isEqualTo(user);
        assertThat(order.get("items").get(0).get("name").asString()).isEqualTo("Product " + product);
        assertThat(order.get("items").get(0).get("unitPrice").asLong()).isEqualTo(1_000);
        assertThat(order.get("items").get(0).get("quantity").asInt()).isEqualTo(2);
        assertThat(order.get("totalAmount").asLong()).isEqualTo(2_000);
        assertThat(order.get("createdAt").asString()).isNotBlank();
    }

    @Test
    void pricesEveryLineAtProductServicesCurrentPrice() {
        long other = TestIds.next();
        TestProductService.get().price(other, 12_000);
        String body = "{\"userId\":" + user + ",\"items\":[{\"productId\":" + product + ",\"quantity\":1},"
                + "{\"productId\":" + other + ",\"quantity\":2}]}";

        long orderId = api.post("/api/v1/orders", body).json().get("orderId").asLong();

        assertThat(api.get("/api/v1/orders/" + orderId).json().get("totalAmount").asLong()).isEqualTo(25_000);
    }

    @Test
    void anUnknownProductIs404AndStoresNothing() {
        long unknown = TestIds.next();
        TestProductService.get().missing(unknown);

        HttpApi.Response response = api.post("/api/v1/orders", order(user, unknown, 1, null));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("code").asString()).isEqualTo("PRODUCT_NOT_FOUND");
        assertThat(api.get("/api/v1/users/" + user + "/orders").json().get("totalElements").asLong()).isZero();
    }

    @Test
    void productServiceDownIs503AndStoresNothing() {
        TestProductService.get().stop();
        try {
            HttpApi.Response response = api.post("/api/v1/orders", order(user, product, 1, null));

            assertThat(response.status()).isEqualTo(503);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
        }
        finally {
            TestProductService.get().start();
        }
        assertThat(api.get("/api/v1/users/" + user + "/orders").json().get("totalElements").asLong()).isZero();
    }

    @Test
    void anUnknownOrderIs404() {
        HttpApi.Response response = api.get("/api/v1/orders/" + Long.MAX_VALUE);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("code").asString()).isEqualTo("ORDER_NOT_FOUND");
    }

    @Test
    void listsAUsersOrdersNewestFirst() {
        long first = api.post("/api/v1/orders", order(user, product, 1, null)).json().get("orderId").asLong();
        long second = api.post("/api/v1/orders", order(user, product, 2, null)).json().get("orderId").asLong();

        JsonNode page = api.get("/api/v1/users/" + user + "/orders?page=0&size=1").json();

        assertThat(page.get("totalElements").asLong()).isEqualTo(2);
        assertThat(page.get("size").asInt()).isEqualTo(1);
        assertThat(page.get("content").get(0).get("orderId").asLong()).isEqualTo(second);
        assertThat(api.get("/api/v1/users/" + user + "/orders?page=1&size=1").json().get("content").get(0)
                .get("orderId").asLong()).isEqualTo(first);
    }

    @Test
    void theSameIdempotencyKeyPlacesOneOrder() {
        Map<String, String> key = Map.of("Idempotency-Key", "order-" + user);

        HttpApi.Response first = api.post("/api/v1/orders", order(user, product, 1, null), key);
        HttpApi.Response again = api.post("/api/v1/orders", order(user, product, 1, null), key);
        HttpApi.Response otherBody = api.post("/api/v1/orders", order(user, product, 2, null), key);

        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().get("orderId").asLong()).isEqualTo(first.json().get("orderId").asLong());
        assertThat(otherBody.status()).isEqualTo(409);
        assertThat(otherBody.json().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(api.get("/api/v1/users/" + user + "/orders").json().get("totalElements").asLong()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing userId        | {"items":[{"productId":1,"quantity":1}]}
            zero userId           | {"userId":0,"items":[{"productId":1,"quantity":1}]}
            string userId         | {"userId":"one","items":[{"productId":1,"quantity":1}]}
            fractional userId     | {"userId":1.5,"items":[{"productId":1,"quantity":1}]}
            no items              | {"userId":1,"items":[]}
            missing items         | {"userId":1}
            null item             | {"userId":1,"items":[null]}
            zero quantity         | {"userId":1,"items":[{"productId":1,"quantity":0}]}
            quantity over 1000    | {"userId":1,"items":[{"productId":1,"quantity":1001}]}
            missing quantity      | {"userId":1,"items":[{"productId":1}]}
            negative productId    | {"userId":1,"items":[{"productId":-3,"quantity":1}]}
            product twice         | {"userId":1,"items":[{"productId":1,"quantity":1},{"productId":1,"quantity":2}]}
            zero coupon           | {"userId":1,"items":[{"productId":1,"quantity":1}],"issuedCouponId":0}
            malformed JSON        | {"userId":1,"items":[
            """)
    void refusesBadInputWith400(String description, String body) {
        HttpApi.Response response = api.post("/api/v1/orders", body);

        assertThat(response.status()).as(description).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("INVALID_REQUEST");
        assertThat(response.json().get("detail").asString()).isNotBlank();
    }

    @Test
    void refusesMoreThanFiftyItems() {
        String items = IntStream.rangeClosed(1, 51).mapToObj(i -> "{\"productId\":" + i + ",\"quantity\":1}")
                .collect(Collectors.joining(","));

        HttpApi.Response response = api.post("/api/v1/orders", "{\"userId\":1,\"items\":[" + items + "]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("items");
    }

    @ParameterizedTest
    @CsvSource({ "wait=0", "wait=31", "wait=soon" })
    void refusesAWaitOutsideOneToThirtySeconds(String prefer) {
        HttpApi.Response response = api.post("/api/v1/orders", order(user, product, 1, null), Map.of("Prefer", prefer));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("INVALID_REQUEST");
    }

    @ParameterizedTest
    @CsvSource({ "/api/v1/orders/0", "/api/v1/orders/abc", "/api/v1/users/0/orders", "/api/v1/users/1/orders?size=0",
            "/api/v1/users/1/orders?size=101", "/api/v1/users/1/orders?page=-1" })
    void refusesBadPathsAndQueriesWith400(String path) {
        HttpApi.Response response = api.get(path);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("INVALID_REQUEST");
    }
}
