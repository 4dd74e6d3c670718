package io.shopsaga.deploy.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.shopsaga.deploy.RepositoryRoot;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** docker/healthcheck, the images' curl-free HTTP probe, run by bash against a local HTTP server. */
class HealthcheckScriptTests {

    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/actuator/health/readiness", exchange -> answer(exchange, 200, "{\"status\":\"UP\"}"));
        server.createContext("/actuator/health/liveness", exchange -> answer(exchange, 503, "{\"status\":\"DOWN\"}"));
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes();
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static int run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", RepositoryRoot.resolve("docker/healthcheck").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("healthcheck finished").isTrue();
        return process.exitValue();
    }

    private int port() {
        return server.getAddress().getPort();
    }

    @Test
    void succeedsWhenTheReadinessGroupAnswers200() throws Exception {
        assertThat(run(String.valueOf(port()), "/actuator/health/readiness")).isZero();
        assertThat(run(String.valueOf(port()))).as("readiness is the default path").isZero();
    }

    @Test
    void failsWhenTheServiceAnswersAnotherStatus() throws Exception {
        assertThat(run(String.valueOf(port()), "/actuator/health/liveness")).isEqualTo(1);
        assertThat(run(String.valueOf(port()), "/nothing-here")).isEqualTo(1);
    }

    @Test
    void acceptsAStatusLineWithoutReasonPhraseAsTomcatSendsIt() throws Exception {
        for (String statusLine : List.of("HTTP/1.1 200 \r\n", "HTTP/1.1 200\r\n")) {
            try (ServerSocket raw = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                Thread answering = Thread.ofVirtual().start(() -> {
                    try (var connection = raw.accept()) {
                        readRequestHead(connection.getInputStream());
                        connection.getOutputStream().write((statusLine + "Content-Length: 0\r\n\r\n").getBytes());
                    } catch (IOException ignored) {
                        // the assertion below reports it
                    }
                });
                assertThat(run(String.valueOf(raw.getLocalPort()))).as(statusLine.strip()).isZero();
                answering.join();
            }
        }
    }

    /** Reads up to the blank line: closing with unread request bytes would reset the connection. */
    private static void readRequestHead(java.io.InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        for (int b = in.read(); b >= 0; b = in.read()) {
            head.append((char) b);
            if (head.toString().endsWith("\r\n\r\n")) {
                return;
            }
        }
    }

    @Test
    void failsWhenNothingListens() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        assertThat(run(String.valueOf(closedPort))).isEqualTo(1);
    }

    @Test
    void isExecutable() {
        assertThat(RepositoryRoot.resolve("docker/healthcheck").toFile().canExecute()).isTrue();
    }
}
