package io.shopsaga.gateway.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsaga.gateway.GatewayTestSupport;
import io.shopsaga.gateway.config.DownstreamService;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;

/** Bodies over 64 KiB are bad input, refused by the gateway before any service sees them. */
class BodySizeLimitTests extends GatewayTestSupport {

    private static final int LIMIT = 64 * 1024;

    @BeforeEach
    void balanceAnswers() {
        downstreams.of(DownstreamService.BALANCE).stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));
    }

    @Test
    void anOversizedBodyIsRefusedOnItsDeclaredLength() {
        String big = "{\"userId\":1,\"amount\":1,\"pad\":\"" + "x".repeat(70 * 1024) + "\"}";

        for (String path : new String[] {"/chargeBalance", "/api/v1/balances/1/charges"}) {
            client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(big).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.code").isEqualTo("INVALID_REQUEST")
                    .jsonPath("$.detail").value(String.class,
                            detail -> assertThat(detail).contains("body"));
        }
        downstreams.of(DownstreamService.BALANCE).verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anOversizedChunkedBodyIsRefusedWhileStreaming() {
        for (String path : new String[] {"/chargeBalance", "/api/v1/balances/1/charges"}) {
            client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(chunks(LIMIT + 1024), DataBuffer.class)
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.code").isEqualTo("INVALID_REQUEST");
        }
        assertThat(breakers.circuitBreaker("balance").getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void aBodyAtTheLimitPasses() {
        String padded = "{\"amount\":1,\"pad\":\"" + "x".repeat(LIMIT - 22) + "\"}";
        assertThat(padded.length()).isLessThanOrEqualTo(LIMIT);

        client.post().uri("/api/v1/balances/1/charges").contentType(MediaType.APPLICATION_JSON).bodyValue(padded)
                .exchange().expectStatus().isOk();
    }

    private static Flux<DataBuffer> chunks(int total) {
        byte[] chunk = "x".repeat(4096).getBytes(StandardCharsets.US_ASCII);
        return Flux.range(0, total / chunk.length + 1)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(chunk));
    }
}
