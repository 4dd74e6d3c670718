package io.shopsaga.order;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for product-service's batch read on a local port: every product exists (named "Product &lt;id&gt;",
 * price 1,000 unless set) except the ids marked missing. {@link #stop()} closes the port (connection refused),
 * {@link #start()} opens the same port again.
 */
public final class TestProductService {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TestProductService INSTANCE = new TestProductService();

    private final Set<Long> missing = ConcurrentHashMap.newKeySet();
    private final Map<Long, Long> prices = new ConcurrentHashMap<>();
    private final int port;
    private HttpServer server;

    private TestProductService() {
        start(0);
        port = server.getAddress().getPort();
    }

    public static TestProductService get() {
        return INSTANCE;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public void missing(long productId) {
        missing.add(productId);
    }

    public void price(long productId, long price) {
        prices.put(productId, price);
    }

    public synchronized void stop() {
        server.stop(0);
        server = null;
    }

    public synchronized void start() {
        if (server == null) {
            start(port);
        }
    }

    private void start(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 50);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        server.createContext("/internal/v1/products/batch", exchange -> {
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            List<Map<String, Object>> products = new ArrayList<>();
            List<Long> missingIds = new ArrayList<>();
            for (JsonNode id : request.get("ids")) {
                long productId = id.asLong();
                if (missing.contains(productId)) {
                    missingIds.add(productId);
                }
                else {
                    products.add(Map.of("id", productId, "name", "Product " + productId,
                            "price", prices.getOrDefault(productId, 1_000L)));
                }
            }
            byte[] body = JSON.writeValueAsString(Map.of("products", products, "missingIds", missingIds))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }
}
