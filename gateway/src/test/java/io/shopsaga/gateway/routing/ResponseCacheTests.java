package io.shopsaga.gateway.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.shopsaga.gateway.GatewayTestSupport;
import io.shopsaga.gateway.config.DownstreamService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * The gateway answers a repeated ranking or product {@code GET} from memory while it is fresh, with the request's own
 * id; other routes, writes, failures and other questions are never served from it.
 */
@TestPropertySource(properties = { "shopsaga.gateway.ranking-cache.time-to-live=1s",
        "shopsaga.gateway.product-cache.time-to-live=1s" })
class ResponseCacheTests extends GatewayTestSupport {

    private static final String TOP = "/api/v1/rankings/top-products";

    private WireMockServer ranking;

    @BeforeEach
    void rankingAnswers() {
        ranking = downstreams.of(DownstreamService.RANKING);
    }

    @Test
    void aRepeatedQuestionIsAnsweredFromMemoryUntilItExpires() throws InterruptedException {
        String query = TOP + "?days=3&limit=" + (1 + newUserId() % 100);
        ranking.stubFor(get(urlEqualTo(query)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[{\"rank\":1,\"productId\":3}]")));

        EntityExchangeResult<String> first = client.get().uri(query).header("X-Request-Id", "first").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        letTheCacheStoreIt();
        EntityExchangeResult<String> second = client.get().uri(query).header("X-Request-Id", "second").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();

        assertThat(second.getResponseBody()).isEqualTo(first.getResponseBody()).isEqualTo("[{\"rank\":1,\"productId\":3}]");
        assertThat(second.getResponseHeaders().getFirst("X-Request-Id")).isEqualTo("second");
        ranking.verify(1, getRequestedFor(urlEqualTo(query)));

        Thread.sleep(1_300);
        client.get().uri(query).exchange().expectStatus().isOk();
        ranking.verify(2, getRequestedFor(urlEqualTo(query)));
    }

    @Test
    void theSeedAliasIsCachedToo() throws InterruptedException {
        ranking.stubFor(get(urlPathEqualTo(TOP)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[]")));

        client.get().uri("/topProducts").exchange().expectStatus().isOk();
        letTheCacheStoreIt();
        client.get().uri("/topProducts").exchange().expectStatus().isOk();

        ranking.verify(1, getRequestedFor(urlEqualTo(TOP + "?days=3&limit=5")));
    }

    @Test
    void otherQuestionsAndFailuresAreNotServedFromMemory() throws InterruptedException {
        long n = newUserId() % 1000;
        String one = TOP + "?days=1&limit=" + (1 + n % 100);
        String two = TOP + "?days=2&limit=" + (1 + n % 100);
        ranking.stubFor(get(urlPathEqualTo(TOP)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":503}")));

        client.get().uri(one).exchange().expectStatus().isEqualTo(503);
        letTheCacheStoreIt();
        client.get().uri(one).exchange().expectStatus().isEqualTo(503);
        client.get().uri(two).exchange().expectStatus().isEqualTo(503);

        ranking.verify(2, getRequestedFor(urlEqualTo(one)));
        ranking.verify(1, getRequestedFor(urlEqualTo(two)));
    }

    @Test
    void productReadsAreCachedAndWritesAreNot() throws InterruptedException {
        WireMockServer product = downstreams.of(DownstreamService.PRODUCT);
        long id = 1 + newUserId() % 100_000;
        String detail = "/api/v1/products/" + id;
        product.stubFor(get(urlEqualTo(detail)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":" + id + "}")));
        product.stubFor(get(urlPathEqualTo("/api/v1/products")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"content\":[]}")));
        product.stubFor(patch(urlEqualTo(detail)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":" + id + "}")));

        for (int i = 0; i < 2; i++) {
            client.get().uri(detail).exchange().expectStatus().isOk();
            client.get().uri("/products?page=" + id).exchange().expectStatus().isOk();
            client.patch().uri(detail).contentType(MediaType.APPLICATION_JSON).bodyValue("{\"price\":1}").exchange()
                    .expectStatus().isOk();
            letTheCacheStoreIt();
        }

        product.verify(1, getRequestedFor(urlEqualTo(detail)));
        product.verify(1, getRequestedFor(urlEqualTo("/api/v1/products?page=" + id)));
        product.verify(2, patchRequestedFor(urlEqualTo(detail)));
    }

    @Test
    void otherRoutesAreNeverCached() throws InterruptedException {
        WireMockServer balance = downstreams.of(DownstreamService.BALANCE);
        balance.stubFor(get(urlEqualTo("/api/v1/balances/7")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"userId\":7,\"balance\":0}")));

        client.get().uri("/api/v1/balances/7").exchange().expectStatus().isOk();
        letTheCacheStoreIt();
        client.get().uri("/api/v1/balances/7").exchange().expectStatus().isOk();

        balance.verify(2, getRequestedFor(urlEqualTo("/api/v1/balances/7")));
    }

    /**
     * The gateway stores an answer once its body has been written, which a local client may already have read:
     * a repeat sent at once can race the store. Real repeats come later; a tenth of a second is well within the TTL.
     */
    private static void letTheCacheStoreIt() throws InterruptedException {
        Thread.sleep(100);
    }
}
