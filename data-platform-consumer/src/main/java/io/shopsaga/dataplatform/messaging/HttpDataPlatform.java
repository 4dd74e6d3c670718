package io.shopsaga.dataplatform.messaging;

import io.shopsaga.dataplatform.application.DataPlatform;
import io.shopsaga.dataplatform.config.DataPlatformProperties;
import io.shopsaga.dataplatform.domain.AttemptResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * POSTs an order's document to {@code shopsaga.data-platform.url} + {@code orders-path} with its
 * {@code Idempotency-Key}. Every status comes back as an answer (no exception for 4xx/5xx); a refused connection,
 * a timeout or another I/O error comes back as {@link AttemptResult.Unreachable}. An answer's {@code Retry-After} comes
 * back with it.
 */
@Component
class HttpDataPlatform implements DataPlatform {

    private static final int EXCERPT_BYTES = 200;
    private static final Pattern DELAY_SECONDS = Pattern.compile("\\d{1,9}");

    private final RestClient client;
    private final String ordersPath;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    HttpDataPlatform(RestClient dataPlatformClient, DataPlatformProperties properties) {
        this.client = dataPlatformClient;
        this.ordersPath = properties.ordersPath();
        this.connectTimeout = properties.connectTimeout();
        this.readTimeout = properties.readTimeout();
    }

    @Override
    public AttemptResult post(String idempotencyKey, String document) {
        try {
            return client.post()
                    .uri(ordersPath)
                    .header("Idempotency-Key", idempotencyKey)
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(document)
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        String excerpt = status >= 200 && status < 300 ? "" : excerpt(response.getBody());
                        return new AttemptResult.Answered(status, excerpt,
                                retryAfter(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER), Instant.now()));
                    });
        }
        catch (RestClientException ex) {
            return new AttemptResult.Unreachable(describe(ex));
        }
    }

    /**
     * The I/O error under RestClient's wrapper, and its root cause when that says more (a refused connect); a timeout
     * names the limit it hit.
     */
    private String describe(RestClientException ex) {
        Throwable error = ex.getCause() == null ? ex : ex.getCause();
        if (error instanceof ConnectTimeoutException) {
            return "connect timeout: no connection within " + connectTimeout.toMillis() + " ms";
        }
        if (error instanceof SocketTimeoutException) {
            return "read timeout: no answer within " + readTimeout.toMillis() + " ms";
        }
        Throwable root = ex.getMostSpecificCause();
        String text = name(error);
        return root == error ? text : text + " (" + name(root) + ")";
    }

    private static String name(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    /**
     * A {@code Retry-After} value as a pause from {@code now}: delay-seconds or an HTTP-date (a date in the past is no
     * pause); {@code null} when absent or unreadable.
     */
    static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (DELAY_SECONDS.matcher(trimmed).matches()) {
            return Duration.ofSeconds(Long.parseLong(trimmed));
        }
        try {
            Duration until = Duration.between(now, ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME));
            return until.isNegative() ? Duration.ZERO : until;
        }
        catch (DateTimeParseException ex) {
            return null;
        }
    }

    /** The start of an error answer's body, for the delivery log (a broken body is not worth failing over). */
    private static String excerpt(InputStream body) {
        try (body) {
            return new String(body.readNBytes(EXCERPT_BYTES), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        }
        catch (IOException ex) {
            return "";
        }
    }
}
