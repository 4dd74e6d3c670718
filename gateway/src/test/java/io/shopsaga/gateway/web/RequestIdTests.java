package io.shopsaga.gateway.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.shopsaga.gateway.GatewayTestSupport;
import io.shopsaga.gateway.config.DownstreamService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every response carries a request id: the client's valid one, else a new one, and the service gets the same. */
class RequestIdTests extends GatewayTestSupport {

    @BeforeEach
    void balanceAnswers() {
        downstreams.of(DownstreamService.BALANCE).stubFor(get(urlEqualTo("/api/v1/balances/1"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withHeader("X-Request-Id", "what-the-service-echoed")
                        .withBody("{\"userId\":1,\"balance\":0}")));
    }

    @Test
    void aValidIncomingIdIsForwardedAndReturned() {
        client.get().uri("/api/v1/balances/1").header("X-Request-Id", "client.id_1-A").exchange()
                .expectStatus().isOk()
                .expectHeader().valuesMatch("X-Request-Id", "client.id_1-A");

        downstreams.of(DownstreamService.BALANCE).verify(getRequestedFor(urlEqualTo("/api/v1/balances/1"))
                .withHeader("X-Request-Id", equalTo("client.id_1-A")));
    }

    @Test
    void aMissingOrInvalidIdIsReplacedByANewOneThatTheServiceSeesToo() {
        for (String invalid : new String[] {null, "", "has space", "x".repeat(65), "semi;colon"}) {
            var request = client.get().uri("/api/v1/balances/1");
            if (invalid != null) {
                request.header("X-Request-Id", invalid);
            }
            String id = request.exchange().expectStatus().isOk()
                    .returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");

            assertThat(id).isNotBlank().isNotEqualTo(invalid).matches("[A-Za-z0-9._-]{1,64}");
            downstreams.of(DownstreamService.BALANCE).verify(getRequestedFor(urlEqualTo("/api/v1/balances/1"))
                    .withHeader("X-Request-Id", equalTo(id)));
        }
        downstreams.of(DownstreamService.BALANCE).verify(5, getRequestedFor(urlEqualTo("/api/v1/balances/1"))
                .withHeader("X-Request-Id", matching("[0-9a-f-]{36}")));
    }

    @Test
    void gatewayErrorsCarryTheIdToo() {
        client.get().uri("/no/such/path").header("X-Request-Id", "err-1").exchange()
                .expectStatus().isNotFound()
                .expectHeader().valueEquals("X-Request-Id", "err-1");
        client.get().uri("/getBalance").header("X-Request-Id", "err-2").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().valueEquals("X-Request-Id", "err-2");
        client.get().uri("/actuator/health").header("X-Request-Id", "health-1").exchange()
                .expectHeader().valueEquals("X-Request-Id", "health-1");
    }
}
