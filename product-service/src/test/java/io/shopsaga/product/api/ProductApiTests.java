package io.shopsaga.product.api;

import static io.shopsaga.product.TestProducts.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.shopsaga.product.TestProducts;
import io.shopsaga.product.application.ProductCatalog;
import io.shopsaga.product.application.ProductView;
import io.shopsaga.testsupport.HttpApi;
import io.shopsaga.testsupport.HttpApi.Response;
import io.shopsaga.testsupport.ServiceIntegrationTest;
import io.shopsaga.testsupport.TestIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@ServiceIntegrationTest
class ProductApiTests {

    @LocalServerPort
    int port;

    @Autowired
    ProductCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    HttpApi api;

    @BeforeEach
    void setUp() {
        api = HttpApi.onPort(port);
    }

    @Test
    void createsAProductAndReadsItBack() {
        Response created = api.post("/api/v1/products", "{\"name\":\"Jeju Tangerines 5kg\",\"price\":32900,\"stock\":40}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(id).isPositive();
        assertThat(created.header("Location")).isEqualTo("/api/v1/products/" + id);
        assertThat(created.body()).isEqualTo("{\"id\":" + id + ",\"name\":\"Jeju Tangerines 5kg\",\"price\":32900,\"stock\":40}");

        Response read = api.get("/api/v1/products/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(created.body());
    }

    @Test
    void listsProductsByAscendingIdWithPaging() {
        List<Long> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(TestProducts.create(catalog, 10).id());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM product").query(Long.class).single();

        List<Long> all = new ArrayList<>();
        for (int page = 0; page * 3L < total; page++) {
            JsonNode body = api.get("/api/v1/products?page=" + page + "&size=3").json();
            assertThat(body.get("page").asInt()).isEqualTo(page);
            assertThat(body.get("size").asInt()).isEqualTo(3);
            assertThat(body.get("totalElements").asLong()).isEqualTo(total);
            assertThat(body.get("content").size()).isEqualTo((int) Math.min(3, total - page * 3L));
            body.get("content").forEach(p -> all.add(p.get("id").asLong()));
        }
        assertThat(all).hasSize((int) total).isSorted().doesNotHaveDuplicates().containsAll(mine);

        JsonNode beyond = api.get("/api/v1/products?page=" + (total / 3 + 1) + "&size=3").json();
        assertThat(beyond.get("content").isEmpty()).isTrue();
        assertThat(beyond.get("totalElements").asLong()).isEqualTo(total);
    }

    @Test
    void listDefaultsToTheFirstPageOfTwentyAndShowsEveryField() {
        ProductView product = TestProducts.create(catalog, 12_000, 40);

        JsonNode body = api.get("/api/v1/products").json();
        assertThat(body.get("page").asInt()).isZero();
        assertThat(body.get("size").asInt()).isEqualTo(20);

        JsonNode last = api.get("/api/v1/products?page=0&size=100").json();
        assertThat(last.get("size").asInt()).isEqualTo(100);
        if (last.get("totalElements").asLong() <= 100) {
            JsonNode shown = last.get("content").get(last.get("content").size() - 1);
            assertThat(shown.toString()).isEqualTo("{\"id\":" + product.id() + ",\"name\":\"" + product.name()
                    + "\",\"price\":12000,\"stock\":40}");
        }
    }

    @Test
    void changesAnySubsetOfTheFields() {
        ProductView product = TestProducts.create(catalog, 12_000, 40);
        String path = "/api/v1/products/" + product.id();

        assertThat(api.send("PATCH", path, "{\"price\":9900}", json()).body())
                .isEqualTo("{\"id\":" + product.id() + ",\"name\":\"" + product.name() + "\",\"price\":9900,\"stock\":40}");
        assertThat(api.send("PATCH", path, "{\"stock\":0,\"name\":\"Renamed\"}", json()).body())
                .isEqualTo("{\"id\":" + product.id() + ",\"name\":\"Renamed\",\"price\":9900,\"stock\":0}");
        assertThat(api.send("PATCH", path, "{\"name\":null,\"price\":0}", json()).json().get("name").asString())
                .isEqualTo("Renamed");

        assertThat(api.get(path).body())
                .isEqualTo("{\"id\":" + product.id() + ",\"name\":\"Renamed\",\"price\":0,\"stock\":0}");
    }

    @Test
    void unknownProductsAreNotFound() {
        long unknown = TestIds.next();

        assertProblem(api.get("/api/v1/products/" + unknown), 404, "PRODUCT_NOT_FOUND");
        Response patch = api.send("PATCH", "/api/v1/products/" + unknown, "{\"price\":1}", json());
        assertProblem(patch, 404, "PRODUCT_NOT_FOUND");
        assertThat(patch.json().get("productId").asLong()).isEqualTo(unknown);
    }

    @Test
    void aRepeatedCreateWithTheSameKeyCreatesOnce() {
        Map<String, String> key = Map.of("Idempotency-Key", "create-" + TestIds.next());
        String body = "{\"name\":\"Keyed\",\"price\":100,\"stock\":1}";
        long before = count();

        Response first = api.post("/api/v1/products", body, key);
        Response repeat = api.post("/api/v1/products", body, key);
        Response reused = api.post("/api/v1/products", "{\"name\":\"Keyed\",\"price\":101,\"stock\":1}", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
        assertProblem(reused, 409, "IDEMPOTENCY_KEY_REUSED");
        assertThat(count()).isEqualTo(before + 1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"price\":100,\"stock\":1}                          | name",
            "{\"name\":\"  \",\"price\":100,\"stock\":1}          | name",
            "{\"name\":null,\"price\":100,\"stock\":1}            | name",
            "{\"name\":7,\"price\":100,\"stock\":1}               | name",
            "{\"name\":true,\"price\":100,\"stock\":1}            | name",
            "{\"name\":1.5,\"price\":100,\"stock\":1}             | name",
            "{\"name\":[\"x\"],\"price\":100,\"stock\":1}       | name",
            "{\"name\":\"x\",\"stock\":1}                         | price",
            "{\"name\":\"x\",\"price\":-1,\"stock\":1}            | price",
            "{\"name\":\"x\",\"price\":100000001,\"stock\":1}     | price",
            "{\"name\":\"x\",\"price\":100.5,\"stock\":1}         | price",
            "{\"name\":\"x\",\"price\":\"100\",\"stock\":1}       | price",
            "{\"name\":\"x\",\"price\":true,\"stock\":1}          | price",
            "{\"name\":\"x\",\"price\":99999999999999999999,\"stock\":1} | price",
            "{\"name\":\"x\",\"price\":100}                       | stock",
            "{\"name\":\"x\",\"price\":100,\"stock\":-1}          | stock",
            "{\"name\":\"x\",\"price\":100,\"stock\":1000001}     | stock",
            "{\"name\":\"x\",\"price\":100,\"stock\":null}        | stock",
            "{\"name\":\"x\",\"price\":100,                       | JSON",
            "not json                                              | JSON",
            "[1,2]                                                 | ",
            "{\"name\":\"x\",\"price\":100,\"stock\":1} trailing  | JSON"})
    void refusesBadCreateBodiesNamingTheFieldAndCreatesNothing(String body, String namedInDetail) {
        long before = count();

        Response response = api.post("/api/v1/products", body);

        assertProblem(response, 400, "INVALID_REQUEST");
        if (namedInDetail != null) {
            assertThat(response.json().get("detail").asString()).contains(namedInDetail);
        }
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void refusesANameOverTwoHundredCharacters() {
        Response response = api.post("/api/v1/products",
                "{\"name\":\"" + "x".repeat(201) + "\",\"price\":100,\"stock\":1}");

        assertProblem(response, 400, "INVALID_REQUEST");
        assertThat(response.json().get("detail").asString()).contains("name");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{}                          | name, price, stock",
            "{\"name\":\"\"}             | name",
            "{\"name\":\"   \"}          | name",
            "{\"price\":-1}              | price",
            "{\"price\":1.5}             | price",
            "{\"stock\":\"many\"}        | stock",
            "{\"stock\":1000001}         | stock",
            "{\"price\":                 | JSON"})
    void refusesBadChangesNamingTheFieldAndChangesNothing(String body, String namedInDetail) {
        ProductView product = TestProducts.create(catalog, 500, 5);

        Response response = api.send("PATCH", "/api/v1/products/" + product.id(), body, json());

        assertProblem(response, 400, "INVALID_REQUEST");
        assertThat(response.json().get("detail").asString()).contains(namedInDetail);
        assertThat(catalog.product(product.id())).isEqualTo(product);
    }

    @Test
    void refusesABodyOver64KiB() {
        String body = "{\"name\":\"x\",\"price\":1,\"stock\":1,\"padding\":\"" + "x".repeat(70 * 1024) + "\"}";

        assertProblem(api.post("/api/v1/products", body), 400, "INVALID_REQUEST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "1.5", "99999999999999999999"})
    void refusesProductIdsThatAreNotPositiveIntegers(String badId) {
        Response get = api.get("/api/v1/products/" + badId);
        assertProblem(get, 400, "INVALID_REQUEST");
        assertThat(get.json().get("detail").asString()).contains("productId");
        assertProblem(api.send("PATCH", "/api/v1/products/" + badId, "{\"price\":1}", json()), 400, "INVALID_REQUEST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=-1", "size=0", "size=101", "page=x", "size=1.5", "page=100001"})
    void refusesListPagingOutOfBounds(String query) {
        Response response = api.get("/api/v1/products?" + query);

        assertProblem(response, 400, "INVALID_REQUEST");
        assertThat(response.json().get("detail").asString()).containsAnyOf("page", "size");
    }

    @Test
    void answersUnknownPathsAndMethodsWithProblems() {
        assertProblem(api.send("DELETE", "/api/v1/products/1", null, Map.of()), 405, "METHOD_NOT_ALLOWED");
        assertProblem(api.send("POST", "/api/v1/products", "name=x", Map.of("Content-Type", "text/plain")), 415,
                "UNSUPPORTED_MEDIA_TYPE");
        assertThat(api.get("/api/v1/products/1", Map.of("X-Request-Id", "client-id-7")).header("X-Request-Id"))
                .isEqualTo("client-id-7");
    }

    @Test
    void healthShowsTheCacheUpAndNoRedisIndicatorThatCouldTakeTheServiceDown() {
        Response health = api.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        JsonNode components = health.json().get("components");
        assertThat(components.get("productCache").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("productCache").get("details").get("cache").asString()).isEqualTo("UP");
        assertThat(components.has("redis")).isFalse();
        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(api.get("/actuator/prometheus").body()).containsPattern("product_cache_available\\{[^}]*} 1.0");
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM product").query(Long.class).single();
    }

    private static Map<String, String> json() {
        return Map.of("Content-Type", "application/json");
    }
}
