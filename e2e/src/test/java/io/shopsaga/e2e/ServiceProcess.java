package io.shopsaga.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * One service started from its packaged jar as a real JVM process, as the local stack runs it:
 * stopping it is a real outage, not a mocked one.
 */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> env;
    private final Path log;
    private Process process;

    ServiceProcess(String name, int port, Map<String, String> env) {
        this.name = name;
        this.port = port;
        this.env = env;
        String root = System.getProperty("shopsaga.root", "..");
        String version = System.getProperty("shopsaga.version", "0.1.0-SNAPSHOT");
        this.jar = Path.of(root, name, "target", name + "-" + version + ".jar");
        this.log = Path.of(System.getProperty("shopsaga.e2e.logs", "target/e2e-logs"), name + ".log");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    int port() {
        return port;
    }

    String url() {
        return "http://localhost:" + port;
    }

    Path log() {
        return log;
    }

    /** Starts the JVM with the heap caps of the local stack and waits until it reports ready. */
    ServiceProcess start() {
        launch();
        awaitReady();
        return this;
    }

    /** Starts the JVM without waiting, so that several services can boot at once; then {@link #awaitReady()}. */
    ServiceProcess launch() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the tests through Maven (./mvnw verify),"
                    + " which packages the services first");
        }
        try {
            Files.createDirectories(log.getParent());
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(java, "-Xmx192m", "-Xss512k", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            builder.environment().put("SERVER_PORT", Integer.toString(port));
            process = builder.start();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return this;
    }

    /** Stops the service as an orchestrator would (SIGTERM, graceful shutdown). */
    void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /**
     * Stops the services at once, as the test JVM exits: every one is asked (SIGTERM) together, and whatever still runs
     * after {@code patience} is killed. Stopped one by one, each waiting out a broker that is already gone, they outlast
     * the time Surefire gives an exiting fork, which then dies with the rest still running.
     */
    static void stopAll(List<ServiceProcess> services, Duration patience) {
        List<Process> running = services.stream().map(service -> service.process).filter(Objects::nonNull).toList();
        running.forEach(Process::destroy);
        long deadline = System.nanoTime() + patience.toNanos();
        for (Process process : running) {
            try {
                if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    process.destroyForcibly();
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        services.forEach(service -> service.process = null);
    }

    String logText() {
        try {
            return Files.readString(log);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Where its actuator listens: its own port, or the one given by {@code MANAGEMENT_SERVER_PORT} (the gateway). */
    String managementUrl() {
        return "http://localhost:" + env.getOrDefault("MANAGEMENT_SERVER_PORT", Integer.toString(port));
    }

    /** Waits until the service's readiness group reports UP; fails (and stops it) after 120 s. */
    void awaitReady() {
        Duration timeout = Duration.ofSeconds(120);
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest readiness = HttpRequest.newBuilder(URI.create(managementUrl() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (HTTP.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            }
            catch (IOException ex) {
                // not listening yet
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
            sleep(250);
        }
        stop();
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
