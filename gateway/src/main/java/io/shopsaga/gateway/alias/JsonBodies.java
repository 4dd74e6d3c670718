package io.shopsaga.gateway.alias;

import io.shopsaga.gateway.web.GatewayProblemException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads, checks and replaces the JSON bodies of the seed aliases (and of coupon issuance, whose user the rate
 * limiter needs). Numbers are kept exactly as sent ({@code 1.5} stays {@code 1.5}, not {@code 1}) so that the
 * service, not the gateway, judges every member but the ids the gateway moves into the path.
 */
public final class JsonBodies {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final int maxBytes;

    public JsonBodies(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The whole request body (empty when there is none), refused when over the limit. */
    public Mono<byte[]> read(ServerWebExchange exchange) {
        return DataBufferUtils.join(exchange.getRequest().getBody(), maxBytes)
                .map(buffer -> {
                    try {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        return bytes;
                    }
                    finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, ex -> GatewayProblemException
                        .invalidRequest("body is larger than the limit of " + maxBytes + " bytes"));
    }

    /** The body as a JSON object, or {@code 400 INVALID_REQUEST} (or 415 for a non-JSON content type). */
    public static ObjectNode parseObject(ServerHttpRequest request, byte[] body) {
        MediaType contentType = request.getHeaders().getContentType();
        if (contentType != null && !isJson(contentType)) {
            throw GatewayProblemException.unsupportedMediaType("the body must be application/json");
        }
        if (body.length == 0) {
            throw GatewayProblemException.invalidRequest("body is required");
        }
        JsonNode tree;
        try {
            tree = STRICT.readTree(body);
        }
        catch (JacksonException ex) {
            throw GatewayProblemException.invalidRequest("body is not valid JSON");
        }
        if (!(tree instanceof ObjectNode object)) {
            throw GatewayProblemException.invalidRequest("body must be a JSON object");
        }
        return object;
    }

    /** The body as a JSON object if it is one; for uses that must not refuse the request. */
    public static ObjectNode parseObjectOrEmpty(byte[] body) {
        try {
            return STRICT.readTree(body) instanceof ObjectNode object ? object : STRICT.createObjectNode();
        }
        catch (JacksonException ex) {
            return STRICT.createObjectNode();
        }
    }

    public static byte[] write(ObjectNode body) {
        return STRICT.writeValueAsBytes(body);
    }

    /**
     * {@code request} (already given its new path) with {@code body} as its JSON body and headers that match it.
     * The body can be subscribed to more than once, as a retrying client would.
     */
    public static ServerHttpRequest withBody(ServerHttpRequest.Builder request, byte[] body, boolean json) {
        ServerHttpRequest mutated = request.headers(headers -> {
            headers.remove(HttpHeaders.TRANSFER_ENCODING);
            headers.setContentLength(body.length);
            if (json) {
                headers.setContentType(MediaType.APPLICATION_JSON);
            }
        }).build();
        return new ServerHttpRequestDecorator(mutated) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
            }
        };
    }

    private static boolean isJson(MediaType contentType) {
        return MediaType.APPLICATION_JSON.isCompatibleWith(contentType)
                || contentType.getSubtype().endsWith("+json");
    }
}
