package io.shopsaga.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * A Redis 6.2 server from the embedded-redis jar (Linux and macOS builds bundled), for machines without one.
 * Runs until the process is stopped. Nothing is persisted: Redis holds only what the services can rebuild.
 *
 * <p>Usage: {@code EmbeddedRedis <port> <directory>} (the server's working directory).
 */
public final class EmbeddedRedis {

    private EmbeddedRedis() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("Usage: EmbeddedRedis <port> <directory>");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path directory = Files.createDirectories(Path.of(args[1]).toAbsolutePath());
        RedisServer redis = RedisServer.newRedisServer()
                .port(port)
                .bind("127.0.0.1")
                .setting("dir " + directory)
                .setting("save \"\"")
                .setting("appendonly no")
                .soutListener(System.out::println)
                .serrListener(System.err::println)
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                redis.stop();
            }
            catch (Exception ex) {
                System.err.println("Stopping Redis failed: " + ex);
            }
        }, "embedded-redis-stop"));
        redis.start();
        System.out.println("Embedded Redis ready on 127.0.0.1:" + port);
        Thread.currentThread().join();
    }
}
