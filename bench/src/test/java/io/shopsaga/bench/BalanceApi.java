package io.shopsaga.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain HTTP calls for a scenario's set-up and its invariant check, outside the measured load. */
final class BalanceApi {

    private static final Pattern BALANCE = Pattern.compile("\"balance\":(\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private BalanceApi() {
    }

    static long balance(long userId) {
        String body = send(HttpRequest.newBuilder(URI.create(BenchSettings.BASE_URL + "/api/v1/balances/" + userId)).GET());
        Matcher m = BALANCE.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("Unexpected balance answer for user " + userId + ": " + body);
        }
        return Long.parseLong(m.group(1));
    }

    static void charge(long userId, long amount) {
        send(HttpRequest.newBuilder(URI.create(BenchSettings.BASE_URL + "/api/v1/balances/" + userId + "/charges"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":" + amount + "}")));
    }

    private static String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }
        catch (IOException ex) {
            throw new IllegalStateException("Is the stack running at " + BenchSettings.BASE_URL + "? (bin/stack up)", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
