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
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ServiceIntegrationTest
class ProductBatchApiTests {

    private static final String BATCH = "/internal/v1/products/batch";

    @LocalServerPort
    int port;

    @Autowired
    ProductCatalog catalog;

    HttpApi api;

    @BeforeEach
    void setUp() {
        api = HttpApi.onPort(port);
    }

    @Test
    void answersNamesAndPricesOfTheProductsThatExistAndNamesTheMissingIds() {
        ProductView a = TestProducts.create(catalog, 12_000, 3);
        ProductView b = TestProducts.create(catalog, 500, 0);
        long missing = TestIds.next();

        Response response = api.post(BATCH, "{\"ids\":[" + missing + "," + b.id() + "," + a.id() + "," + b.id() + "]}");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"products\":["
                + "{\"id\":" + a.id() + ",\"name\":\"" + a.name() + "\",\"price\":12000},"
                + "{\"id\":" + b.id() + ",\"name\":\"" + b.name() + "\",\"price\":500}],"
                + "\"missingIds\":[" + missing + "]}");
    }

    @Test
    void showsAChangedPriceAtOnce() {
        ProductView product = TestProducts.create(catalog, 12_000, 3);
        api.post(BATCH, "{\"ids\":[" + product.id() + "]}");

        api.send("PATCH", "/api/v1/products/" + product.id(), "{\"price\":13000}",
                java.util.Map.of("Content-Type", "application/json"));

        assertThat(api.post(BATCH, "{\"ids\":[" + product.id() + "]}").json().get("products").get(0).get("price").asLong())
                .isEqualTo(13_000);
    }

    @Test
    void acceptsAHundredIds() {
        String ids = LongStream.rangeClosed(1, 100).mapToObj(Long::toString).collect(Collectors.joining(","));

        Response response = api.post(BATCH, "{\"ids\":[" + ids + "]}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("products").size() + response.json().get("missingIds").size()).isEqualTo(100);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{}                     | ids",
            "{\"ids\":null}         | ids",
            "{\"ids\":[]}           | ids",
            "{\"ids\":[0]}          | ids",
            "{\"ids\":[-3]}         | ids",
            "{\"ids\":[null]}       | ids",
            "{\"ids\":[\"x\"]}      | ids",
            "{\"ids\":[1.5]}        | ids",
            "{\"ids\":7}            | ids",
            "{\"ids\":[1,           | ids"})
    void refusesBadBatchBodiesNamingTheField(String body, String namedInDetail) {
        Response response = api.post(BATCH, body);

        assertProblem(response, 400, "INVALID_REQUEST");
        assertThat(response.json().get("detail").asString()).contains(namedInDetail);
    }

    @Test
    void refusesMoreThanAHundredIds() {
        String ids = LongStream.rangeClosed(1, 101).mapToObj(Long::toString).collect(Collectors.joining(","));

        Response response = api.post(BATCH, "{\"ids\":[" + ids + "]}");

        assertProblem(response, 400, "INVALID_REQUEST");
        assertThat(response.json().get("detail").asString()).contains("ids");
    }
}
