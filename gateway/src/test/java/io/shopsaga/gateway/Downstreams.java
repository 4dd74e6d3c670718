package io.shopsaga.gateway;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.shopsaga.gateway.config.DownstreamService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.EnumMap;
import java.util.Map;

/**
 * One WireMock server per service, standing in for the real ones, started once per JVM. Each keeps its port
 * for the whole run, so a test can stop one (the service is down: connection refused) and start it again.
 */
public final class Downstreams {

    private static final Downstreams INSTANCE = new Downstreams();

    private final Map<DownstreamService, Integer> ports = new EnumMap<>(DownstreamService.class);
    private final Map<DownstreamService, WireMockServer> servers = new EnumMap<>(DownstreamService.class);

    private Downstreams() {
        for (DownstreamService service : DownstreamService.values()) {
            ports.put(service, freePort());
            start(service);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> servers.values().forEach(WireMockServer::stop)));
    }

    public static Downstreams get() {
        return INSTANCE;
    }

    public WireMockServer of(DownstreamService service) {
        return servers.get(service);
    }

    public String url(DownstreamService service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /** Forgets every stub and recorded request of every server. */
    public void resetAll() {
        servers.values().forEach(WireMockServer::resetAll);
    }

    public void stop(DownstreamService service) {
        servers.get(service).stop();
    }

    /** Starts a fresh server on the service's port (after {@link #stop}, or as a no-op when it is running). */
    public synchronized void start(DownstreamService service) {
        WireMockServer running = servers.get(service);
        if (running != null && running.isRunning()) {
            return;
        }
        WireMockServer server = new WireMockServer(options().port(ports.get(service)).bindAddress("127.0.0.1")
                .containerThreads(20).jettyAcceptors(1));
        server.start();
        servers.put(service, server);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
