package io.shopsaga.e2e;

import static io.shopsaga.e2e.BalanceThroughGatewayE2eTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.shopsaga.testsupport.HttpApi;
import io.shopsaga.testsupport.HttpApi.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** The catalogue as a client sees it through the gateway: the seed alias, the REST API, freshness, bad input. */
class ProductsThroughGatewayE2eTests {

    static HttpApi api;

    @BeforeAll
    static void startSystem() {
        api = SystemUnderTest.get().gatewayApi();
    }

    @Test
    void aCreatedProductIsListedByTheSeedAliasAndItsChangesShowWithinTwoSeconds() throws InterruptedException {
        Response created = api.post("/api/v1/products", "{\"name\":\"e2e mug\",\"price\":12000,\"stock\":40}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.header("Location")).endsWith("/api/v1/products/" + id);

        assertThat(api.get("/api/v1/products/" + id).body())
                .isEqualTo("{\"id\":" + id + ",\"name\":\"e2e mug\",\"price\":12000,\"stock\":40}");
        JsonNode page = api.get("/products?page=0&size=100").json();
        assertThat(page.get("size").asInt()).isEqualTo(100);
        assertThat(page.get("content").findValuesAsString("name")).contains("e2e mug");
        assertThat(api.get("/products").json().get("size").asInt()).isEqualTo(20);

        assertThat(api.send("PATCH", "/api/v1/products/" + id, "{\"price\":9900}",
                Map.of("Content-Type", "application/json")).status()).isEqualTo(200);

        Instant deadline = Instant.now().plusSeconds(2);
        long price = -1;
        while (Instant.now().isBefore(deadline) && price != 9900) {
            price = api.get("/api/v1/products/" + id).json().get("price").asLong();
            Thread.sleep(Duration.ofMillis(100));
        }
        assertThat(price).isEqualTo(9900);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "GET  | /api/v1/products/abc                |                                          | productId",
            "GET  | /api/v1/products/0                  |                                          | productId",
            "GET  | /products?size=0                    |                                          | size",
            "GET  | /products?size=101                  |                                          | size",
            "GET  | /products?page=-1                   |                                          | page",
            "POST | /api/v1/products                    | {\"name\":\"x\",\"price\":\"cheap\",\"stock\":1} | price",
            "POST | /api/v1/products                    | {\"name\":\"x\",\"price\":100}              | stock",
            "POST | /api/v1/products                    | {\"name\":\"x\",\"price\":100,\"stock\":1.5} | stock"})
    void badInputGetsAProblemNamingTheField(String method, String path, String body, String field) {
        Response response = api.send(method, path, body, body == null ? Map.of() : Map.of("Content-Type", "application/json"));

        assertProblem(response, 400, "INVALID_REQUEST");
        assertThat(response.json().get("detail").asString()).contains(field);
    }

    @Test
    void unknownProductsAndInternalEndpointsAreNotFound() {
        assertProblem(api.get("/api/v1/products/999999999"), 404, "PRODUCT_NOT_FOUND");
        Response internal = api.post("/internal/v1/products/batch", "{\"ids\":[1]}");
        assertThat(internal.status()).isEqualTo(404);
    }
}
