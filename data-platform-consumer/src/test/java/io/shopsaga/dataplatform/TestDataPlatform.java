package io.shopsaga.dataplatform;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.shopsaga.dataplatform.domain.DeliveryRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;

/**
 * The external data platform for tests: a WireMock server on a port picked once per JVM, accepting every
 * {@code POST /orders} with 200 like the stack's stand-in (infra/wiremock). Tests stub answers for their own
 * orders only (matched on the {@code Idempotency-Key}) and count their own requests in the journal, so they never
 * see each other's. {@link #stop()} takes the platform off the network (connection refused); {@link #start()}
 * brings a fresh one back on the same port.
 */
public final class TestDataPlatform {

    public static final String ORDERS = "/orders";

    private static final TestDataPlatform INSTANCE = new TestDataPlatform();

    private final int port;
    private WireMockServer server;

    private TestDataPlatform() {
        port = freePort();
        start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "test-data-platform-shutdown"));
    }

    public static TestDataPlatform get() {
        return INSTANCE;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Answers the POSTs of {@code orderId} with {@code response}, ahead of the accept-all stub. */
    public synchronized StubMapping answer(long orderId, ResponseDefinitionBuilder response) {
        return server.stubFor(ordersOf(orderId).willReturn(response));
    }

    /**
     * Answers the POSTs of {@code orderId} with {@code responses} in turn (a WireMock scenario); after the last one
     * the accept-all stub answers.
     */
    public synchronized void answerInTurn(long orderId, ResponseDefinitionBuilder... responses) {
        String scenario = "order-" + orderId;
        String state = Scenario.STARTED;
        for (int i = 0; i < responses.length; i++) {
            String next = "answer-" + (i + 1);
            server.stubFor(ordersOf(orderId).inScenario(scenario).whenScenarioStateIs(state)
                    .willReturn(responses[i]).willSetStateTo(next));
            state = next;
        }
    }

    public synchronized void remove(StubMapping stub) {
        server.removeStub(stub);
    }

    /** Every POST of {@code orderId} this server received, oldest first. */
    public synchronized List<LoggedRequest> requestsOf(long orderId) {
        return server.findAll(postRequestedFor(urlEqualTo(ORDERS))
                .withHeader("Idempotency-Key", equalTo(DeliveryRules.idempotencyKey(orderId))));
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** A fresh server (no stubs but the accept-all one, an empty journal) on the same port. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        server = new WireMockServer(options().port(port).bindAddress("127.0.0.1").containerThreads(20)
                .jettyAcceptors(1));
        server.start();
        server.stubFor(post(urlEqualTo(ORDERS)).atPriority(10)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"accepted\":true}")));
    }

    private static MappingBuilder ordersOf(long orderId) {
        return post(urlEqualTo(ORDERS)).atPriority(1)
                .withHeader("Idempotency-Key", equalTo(DeliveryRules.idempotencyKey(orderId)));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
