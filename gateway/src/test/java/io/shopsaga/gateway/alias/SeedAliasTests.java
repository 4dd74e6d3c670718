package io.shopsaga.gateway.alias;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.shopsaga.gateway.GatewayTestSupport;
import io.shopsaga.gateway.config.DownstreamService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** The seed endpoints map onto the REST ones exactly as the contract's table says. */
class SeedAliasTests extends GatewayTestSupport {

    private static final String BALANCE = "{\"userId\":1,\"balance\":15000}";

    @BeforeEach
    void everyServiceAnswers() {
        for (DownstreamService service : DownstreamService.values()) {
            downstreams.of(service).stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody(BALANCE)));
        }
    }

    @Test
    void chargeBalanceBecomesTheChargeOfThatUserWithTheRestOfTheBody() {
        client.post().uri("/chargeBalance").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "top-up-1")
                .bodyValue("{\"userId\":1,\"amount\":5000}").exchange()
                .expectStatus().isOk()
                .expectBody().json(BALANCE, true);

        downstreams.of(DownstreamService.BALANCE).verify(1, postRequestedFor(urlEqualTo("/api/v1/balances/1/charges"))
                .withRequestBody(equalTo("{\"amount\":5000}"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Content-Length", equalTo("15"))
                .withHeader("Idempotency-Key", equalTo("top-up-1")));
    }

    @Test
    void chargeBalanceLeavesTheAmountForTheServiceToJudgeExactlyAsSent() {
        client.post().uri("/chargeBalance").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"amount\":1.50,\"userId\":3,\"note\":\"x\"}").exchange()
                .expectStatus().isOk();

        downstreams.of(DownstreamService.BALANCE).verify(1, postRequestedFor(urlEqualTo("/api/v1/balances/3/charges"))
                .withRequestBody(equalTo("{\"amount\":1.50,\"note\":\"x\"}")));
    }

    @Test
    void getBalanceBecomesTheReadOfThatUser() {
        client.get().uri("/getBalance?userId=1").header("X-Request-Id", "seed-read-1").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Request-Id", "seed-read-1")
                .expectBody().json(BALANCE, true);

        downstreams.of(DownstreamService.BALANCE).verify(1, getRequestedFor(urlEqualTo("/api/v1/balances/1"))
                .withHeader("X-Request-Id", equalTo("seed-read-1")));
    }

    @Test
    void productsPassesPagingThrough() {
        client.get().uri("/products?page=2&size=50").exchange().expectStatus().isOk();
        client.get().uri("/products").exchange().expectStatus().isOk();

        downstreams.of(DownstreamService.PRODUCT).verify(1, getRequestedFor(urlEqualTo("/api/v1/products?page=2&size=50")));
        downstreams.of(DownstreamService.PRODUCT).verify(1, getRequestedFor(urlEqualTo("/api/v1/products")));
    }

    @Test
    void issueCouponBecomesTheIssueOfThatCouponForThatUser() {
        long user = newUserId();

        client.post().uri("/issueCoupon").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"userId\":" + user + ",\"couponId\":7}").exchange()
                .expectStatus().isOk();

        downstreams.of(DownstreamService.COUPON).verify(1, postRequestedFor(urlEqualTo("/api/v1/coupons/7/issue"))
                .withRequestBody(equalTo("{\"userId\":" + user + "}")));
    }

    @Test
    void orderWaitsForTheOutcomeAndTopProductsAsksForThreeDaysTopFive() {
        String order = "{\"userId\":1,\"items\":[{\"productId\":3,\"quantity\":2}],\"issuedCouponId\":null}";

        client.post().uri("/order").contentType(MediaType.APPLICATION_JSON).bodyValue(order).exchange()
                .expectStatus().isOk();
        client.get().uri("/topProducts").exchange().expectStatus().isOk();

        downstreams.of(DownstreamService.ORDER).verify(1, postRequestedFor(urlEqualTo("/api/v1/orders"))
                .withHeader("Prefer", equalTo("wait=5")).withRequestBody(equalTo(order)));
        downstreams.of(DownstreamService.RANKING).verify(1,
                getRequestedFor(urlEqualTo("/api/v1/rankings/top-products?days=3&limit=5")));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "GET  | /getBalance                       |                                               | userId",
            "GET  | /getBalance?userId=               |                                               | userId",
            "GET  | /getBalance?userId=abc            |                                               | userId",
            "GET  | /getBalance?userId=0              |                                               | userId",
            "GET  | /getBalance?userId=-3             |                                               | userId",
            "GET  | /getBalance?userId=1.5            |                                               | userId",
            "GET  | /getBalance?userId=+1             |                                               | userId",
            "GET  | /getBalance?userId=99999999999999999999 |                                         | userId",
            "POST | /chargeBalance                    | {\"amount\":5000}                              | userId",
            "POST | /chargeBalance                    | {\"userId\":null,\"amount\":5000}              | userId",
            "POST | /chargeBalance                    | {\"userId\":\"1\",\"amount\":5000}             | userId",
            "POST | /chargeBalance                    | {\"userId\":1.5,\"amount\":5000}               | userId",
            "POST | /chargeBalance                    | {\"userId\":1.0,\"amount\":5000}               | userId",
            "POST | /chargeBalance                    | {\"userId\":0,\"amount\":5000}                 | userId",
            "POST | /chargeBalance                    | {\"userId\":-1,\"amount\":5000}                | userId",
            "POST | /chargeBalance                    | {\"userId\":true,\"amount\":5000}              | userId",
            "POST | /chargeBalance                    | {\"userId\":9223372036854775808,\"amount\":1}  | userId",
            "POST | /chargeBalance                    | {\"userId\":1,\"userId\":2,\"amount\":1}       | body",
            "POST | /chargeBalance                    | {\"userId\":1,\"amount\":                      | body",
            "POST | /chargeBalance                    | [1,2]                                          | body",
            "POST | /chargeBalance                    |                                                | body",
            "POST | /issueCoupon                      | {\"userId\":1}                                 | couponId",
            "POST | /issueCoupon                      | {\"userId\":\"me\",\"couponId\":7}             | userId",
            "POST | /issueCoupon                      | {\"couponId\":7}                               | userId",
            "POST | /issueCoupon                      | {\"userId\":1,\"couponId\":0}                  | couponId"})
    void malformedIdsAreRefusedWithoutCallingTheService(String method, String uri, String body, String field) {
        var request = client.method(HttpMethod.valueOf(method)).uri(uri);
        (body == null ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Request-Id")
                .expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_REQUEST")
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.detail").value(String.class,
                        detail -> assertThat(detail).contains(field));

        for (DownstreamService service : DownstreamService.values()) {
            downstreams.of(service).verify(0, anyRequestedFor(anyUrl()));
        }
    }

    @Test
    void aSeedCallWithAnotherMethodIsNotAllowed() {
        client.get().uri("/chargeBalance").exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().valueEquals("Allow", "POST")
                .expectBody().jsonPath("$.code").isEqualTo("METHOD_NOT_ALLOWED");
        client.post().uri("/getBalance?userId=1").exchange()
                .expectStatus().isEqualTo(405)
                .expectBody().jsonPath("$.code").isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void aSeedBodyThatIsNotJsonIsAnUnsupportedMediaType() {
        client.post().uri("/chargeBalance").contentType(MediaType.TEXT_PLAIN).bodyValue("userId=1&amount=5").exchange()
                .expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.code").isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        downstreams.of(DownstreamService.BALANCE).verify(0, anyRequestedFor(anyUrl()));
    }
}
