package io.shopsaga.ranking;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * product-service's batch read stood in by WireMock on a free port, started once per JVM. It answers like the real
 * one: the requested products it knows ({@link #knows}), the other requested ids as missing. A test can make every
 * read fail ({@link #fails}) until {@link #reset()}.
 */
public final class ProductServiceStub {

    public static final String BATCH = "/internal/v1/products/batch";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ProductServiceStub INSTANCE = new ProductServiceStub();

    private final Map<Long, Product> known = new ConcurrentHashMap<>();
    private final WireMockServer server;

    private ProductServiceStub() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(10)
                .jettyAcceptors(1).extensions(new BatchAnswer()));
        server.start();
        answerBatches();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "product-service-stub-shutdown"));
    }

    public static ProductServiceStub get() {
        return INSTANCE;
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** product-service has these products (until {@link #reset()}). */
    public void knows(Product... products) {
        for (Product product : products) {
            known.put(product.id(), product);
        }
    }

    /** Every batch read gets this answer until {@link #reset()}. */
    public void fails(ResponseDefinitionBuilder answer) {
        server.stubFor(post(urlEqualTo(BATCH)).atPriority(1).willReturn(answer));
    }

    public static ResponseDefinitionBuilder unavailable() {
        return aResponse().withStatus(503);
    }

    public static ResponseDefinitionBuilder connectionReset() {
        return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
    }

    public static ResponseDefinitionBuilder slow(Duration delay) {
        return okJson("{\"products\":[],\"missingIds\":[]}").withFixedDelay(Math.toIntExact(delay.toMillis()));
    }

    /** Batch reads received since the last reset. */
    public int batchCalls() {
        return requests().size();
    }

    /** The ids of every batch read received since the last reset, in the order asked. */
    public List<List<Long>> requestedIds() {
        return requests().stream().map(r -> ids(JSON.readTree(r.getBodyAsString()))).toList();
    }

    /** Forgets the products, the failures and the requests. */
    public void reset() {
        known.clear();
        server.resetAll();
        answerBatches();
    }

    private List<LoggedRequest> requests() {
        return server.findAll(postRequestedFor(urlEqualTo(BATCH)));
    }

    private void answerBatches() {
        server.stubFor(post(urlEqualTo(BATCH)).atPriority(5).willReturn(aResponse().withTransformers(BatchAnswer.NAME)));
    }

    private static List<Long> ids(JsonNode request) {
        List<Long> ids = new ArrayList<>();
        request.get("ids").forEach(id -> ids.add(id.asLong()));
        return ids;
    }

    /** Answers a batch read from the known products, as product-service would. */
    private final class BatchAnswer implements ResponseDefinitionTransformerV2 {

        static final String NAME = "product-batch";

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            List<Product> products = new ArrayList<>();
            List<Long> missing = new ArrayList<>();
            for (long id : ids(JSON.readTree(event.getRequest().getBodyAsString())).stream().sorted().distinct().toList()) {
                Product product = known.get(id);
                if (product == null) {
                    missing.add(id);
                }
                else {
                    products.add(product);
                }
            }
            return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(JSON.writeValueAsString(Map.of("products", products, "missingIds", missing)))
                    .build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }

    /** A product as product-service's batch read answers it. */
    public record Product(long id, String name, long price) {

        /** Named "Catalog &lt;id&gt;": unlike the local copy's "Ordered &lt;id&gt;", so a test sees where a name came from. */
        public static Product of(long id, long price) {
            return new Product(id, catalogName(id), price);
        }
    }

    public static String catalogName(long productId) {
        return "Catalog " + productId;
    }
}
