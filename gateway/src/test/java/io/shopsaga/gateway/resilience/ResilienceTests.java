package io.shopsaga.gateway.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.shopsaga.gateway.GatewayTestSupport;
import io.shopsaga.gateway.config.DownstreamService;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/** A service that is down, slow or failing costs a client a quick 503 problem, never a hang or an error page. */
class ResilienceTests extends GatewayTestSupport {

    @Test
    void aServiceThatIsDownAnswers503Quickly() {
        downstreams.stop(DownstreamService.RANKING);

        Instant start = Instant.now();
        expectServiceUnavailable(client.get().uri("/api/v1/rankings/top-products?days=3&limit=5").exchange());
        expectServiceUnavailable(client.get().uri("/topProducts").exchange());

        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aServiceSlowerThanTheResponseTimeoutAnswers503() {
        downstreams.of(DownstreamService.PRODUCT).stubFor(get(urlPathMatching("/api/v1/products.*"))
                .willReturn(aResponse().withStatus(200).withFixedDelay((int) RESPONSE_TIMEOUT.toMillis() + 2500)
                        .withBody("{}")));

        Instant start = Instant.now();
        expectServiceUnavailable(client.get().uri("/api/v1/products/1").exchange());

        assertThat(Duration.between(start, Instant.now()))
                .isGreaterThanOrEqualTo(RESPONSE_TIMEOUT.minusMillis(100))
                .isLessThan(RESPONSE_TIMEOUT.plusSeconds(2));
    }

    @Test
    void serverErrorsPassThroughThenTheCircuitOpensAndTheServiceIsNoLongerCalled() {
        WireMockServer coupon = downstreams.of(DownstreamService.COUPON);
        String failure = "{\"status\":500,\"code\":\"INTERNAL_ERROR\",\"detail\":\"boom\"}";
        coupon.stubFor(get(urlPathMatching("/api/v1/coupons/.*")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/problem+json").withBody(failure)));

        for (int i = 0; i < BREAKER_WINDOW; i++) {
            client.get().uri("/api/v1/coupons/7").exchange()
                    .expectStatus().isEqualTo(500)
                    .expectBody().json(failure, true);
        }
        assertThat(breakers.circuitBreaker("coupon").getState()).isEqualTo(CircuitBreaker.State.OPEN);

        Instant start = Instant.now();
        expectServiceUnavailable(client.get().uri("/api/v1/coupons/7").exchange());
        expectServiceUnavailable(client.post().uri("/issueCoupon").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"userId\":" + newUserId() + ",\"couponId\":7}").exchange());
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(1));
        coupon.verify(BREAKER_WINDOW, anyRequestedFor(anyUrl()));
        assertThat(breakers.circuitBreaker("balance").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void clientErrorsOfAServiceNeverOpenItsCircuit() {
        WireMockServer balance = downstreams.of(DownstreamService.BALANCE);
        String refusal = "{\"status\":409,\"code\":\"BALANCE_LIMIT_EXCEEDED\",\"detail\":\"over the limit\"}";
        balance.stubFor(post(urlPathMatching("/api/v1/balances/.*")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json").withBody(refusal)));

        for (int i = 0; i < BREAKER_WINDOW * 3; i++) {
            client.post().uri("/chargeBalance").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"userId\":1,\"amount\":1}").exchange()
                    .expectStatus().isEqualTo(409)
                    .expectHeader().contentType("application/problem+json")
                    .expectBody().json(refusal, true);
        }

        assertThat(breakers.circuitBreaker("balance").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breakers.circuitBreaker("balance").getMetrics().getNumberOfFailedCalls()).isZero();
        balance.verify(BREAKER_WINDOW * 3, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusalsOfTheGatewayItselfDoNotCountForTheService() {
        for (int i = 0; i < BREAKER_WINDOW * 2; i++) {
            client.get().uri("/getBalance?userId=x").exchange().expectStatus().isBadRequest();
        }

        assertThat(breakers.circuitBreaker("balance").getMetrics().getNumberOfBufferedCalls()).isZero();
    }

    private static void expectServiceUnavailable(ResponseSpec response) {
        response.expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Request-Id")
                .expectBody()
                .jsonPath("$.code").isEqualTo("SERVICE_UNAVAILABLE")
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.type").isNotEmpty()
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.detail").isNotEmpty();
    }
}
