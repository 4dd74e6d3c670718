package io.shopsaga.gateway.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.shopsaga.gateway.GatewayTestSupport;
import io.shopsaga.gateway.config.DownstreamService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.RequestBodySpec;

/** Every public REST path reaches its service unchanged, and nothing else of a service is reachable. */
class RoutingTests extends GatewayTestSupport {

    private static final String ANSWER = "{\"answer\":42}";

    @BeforeEach
    void everyServiceAnswers() {
        for (DownstreamService service : DownstreamService.values()) {
            downstreams.of(service).stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Location", "/api/v1/things/9")
                    .withBody(ANSWER)));
        }
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "GET    | /api/v1/balances/7                           | BALANCE | ",
            "POST   | /api/v1/balances/7/charges                   | BALANCE | {\"amount\":5000}",
            "GET    | /api/v1/balances/7/history?page=0&size=20    | BALANCE | ",
            "GET    | /api/v1/products?page=1&size=5               | PRODUCT | ",
            "GET    | /api/v1/products/3                           | PRODUCT | ",
            "POST   | /api/v1/products                             | PRODUCT | {\"name\":\"mug\",\"price\":12000,\"stock\":40}",
            "PATCH  | /api/v1/products/3                           | PRODUCT | {\"price\":9900}",
            "POST   | /api/v1/coupons                              | COUPON  | {\"name\":\"x\",\"discountType\":\"AMOUNT\",\"discountValue\":1,\"totalQuantity\":1}",
            "GET    | /api/v1/coupons/7                            | COUPON  | ",
            "POST   | /api/v1/coupons/7/issue                      | COUPON  | {\"userId\":USER}",
            "GET    | /api/v1/users/5/coupons                      | COUPON  | ",
            "POST   | /api/v1/orders                               | ORDER   | {\"userId\":1,\"items\":[{\"productId\":3,\"quantity\":2}]}",
            "GET    | /api/v1/orders/900                           | ORDER   | ",
            "GET    | /api/v1/users/5/orders?page=0&size=20        | ORDER   | ",
            "GET    | /api/v1/rankings/top-products?days=3&limit=5 | RANKING | "})
    void forwardsMethodPathQueryBodyAndHeadersAndPassesTheAnswerBack(String method, String pathAndQuery,
            DownstreamService service, String body) {
        String json = body == null ? null : body.replace("USER", Long.toString(newUserId()));
        RequestBodySpec request = client.method(HttpMethod.valueOf(method)).uri(pathAndQuery)
                .header("Idempotency-Key", "key-1")
                .header("X-Request-Id", "route-test-1")
                .header("Prefer", "wait=5");
        (json == null ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue(json)).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Location", "/api/v1/things/9")
                .expectHeader().valueEquals("X-Request-Id", "route-test-1")
                .expectBody().json(ANSWER);

        RequestPatternBuilder expected = new RequestPatternBuilder(RequestMethod.fromString(method),
                urlEqualTo(pathAndQuery))
                .withHeader("Idempotency-Key", equalTo("key-1"))
                .withHeader("X-Request-Id", equalTo("route-test-1"))
                .withHeader("Prefer", equalTo("wait=5"));
        if (json != null) {
            expected.withRequestBody(equalTo(json)).withHeader("Content-Type", equalTo("application/json"));
        }
        downstreams.of(service).verify(1, expected);
        for (DownstreamService other : DownstreamService.values()) {
            if (other != service) {
                downstreams.of(other).verify(0, anyRequestedFor(anyUrl()));
            }
        }
    }

    @Test
    void aServiceRefusalPassesThroughUntouched() {
        String problem = "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
                + "\"detail\":\"balance would exceed the limit\",\"code\":\"BALANCE_LIMIT_EXCEEDED\"}";
        downstreams.of(DownstreamService.BALANCE).stubFor(any(urlPathEqualTo("/api/v1/balances/7/charges"))
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json")
                        .withBody(problem)));

        client.post().uri("/api/v1/balances/7/charges").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"amount\":1}").exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType("application/problem+json")
                .expectBody(String.class).isEqualTo(problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/internal/v1/products/batch", "/actuator/env", "/actuator/gateway/routes",
            "/balance-service/actuator/health", "/api/v1/actuator/prometheus", "/api/v1/nothing-here", "/"})
    void pathsWithoutARouteAreNotFoundAndNeverForwarded(String path) {
        client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue("{\"ids\":[1]}").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND")
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.detail").isNotEmpty();
        client.get().uri(path).exchange().expectStatus().isNotFound();
        for (DownstreamService service : DownstreamService.values()) {
            downstreams.of(service).verify(0, anyRequestedFor(anyUrl()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/balances/1/../../../actuator/env", "/api/v1/products/%2e%2e/%2e%2e/internal/v1/x",
            "/api/v1/products/..%2f..%2finternal", "/api/v1/balances/1/./charges", "/api/v1/products/..;x=1/y",
            "/api/v1/products/1%5c..%5c..%5cactuator"})
    void pathsThatAServiceWouldNormaliseElsewhereAreRefused(String rawPath) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url(rawPath))).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"INVALID_REQUEST\"").contains("path");
        for (DownstreamService service : DownstreamService.values()) {
            downstreams.of(service).verify(0, anyRequestedFor(anyUrl()));
        }
    }

    @Test
    void theGatewaysOwnActuatorServesHealthProbesAndMetricsOnlyOnItsManagementPort() {
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
        management.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(text -> assertThat(text).contains("application=\"gateway\""));
        management.get().uri("/actuator/metrics").exchange().expectStatus().isNotFound();
        management.get().uri("/actuator/gateway/routes").exchange().expectStatus().isNotFound();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator", "/actuator/health", "/actuator/health/readiness", "/actuator/prometheus",
            "/actuator/info"})
    void thePublicPortServesNoActuator(String path) {
        client.get().uri(path).exchange().expectStatus().isNotFound();
    }

    @Test
    void aServiceNotFoundAnswerIsPassedThrough() {
        WireMockServer product = downstreams.of(DownstreamService.PRODUCT);
        String problem = "{\"status\":404,\"code\":\"PRODUCT_NOT_FOUND\",\"detail\":\"no product 999\"}";
        product.stubFor(get(urlEqualTo("/api/v1/products/999")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody(problem)));

        client.get().uri("/api/v1/products/999").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType("application/problem+json")
                .expectBody(String.class).isEqualTo(problem);
        product.verify(1, getRequestedFor(urlEqualTo("/api/v1/products/999")));
    }
}
