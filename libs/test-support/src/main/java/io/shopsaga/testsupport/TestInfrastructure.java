package io.shopsaga.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mysql.MySQLContainer;

/**
 * The real servers every test talks to, started at most once per JVM and shared by all test classes.
 *
 * <p>With a Docker engine it runs MySQL 8.4, Redis and Kafka in Testcontainers. Without one it uses
 * the MySQL-compatible server and Redis on localhost ({@code SHOPSAGA_DB_URL}, {@code SHOPSAGA_DB_USER},
 * {@code SHOPSAGA_DB_PASSWORD}, {@code SHOPSAGA_REDIS_URL} override the defaults) and spring-kafka-test's
 * embedded KRaft broker ({@code SHOPSAGA_KAFKA_BOOTSTRAP_SERVERS} points at another broker instead).
 * {@code SHOPSAGA_TESTCONTAINERS=false} forces the local servers even where Docker exists.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyMMddHHmm");
    private static final String TEST_DB_PREFIX = "t_";

    private static TestInfrastructure instance;

    private final String adminJdbcUrl;
    private final String adminUser;
    private final String adminPassword;
    private final String redisUrl;
    private final Supplier<String> kafkaBootstrapServers;

    private TestInfrastructure(String adminJdbcUrl, String adminUser, String adminPassword, String redisUrl,
            Supplier<String> kafkaBootstrapServers) {
        this.adminJdbcUrl = adminJdbcUrl;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.redisUrl = redisUrl;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
    }

    /** The shared infrastructure, started on first use. */
    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            instance = useContainers() ? startContainers() : useLocalServers();
            instance.dropStaleDatabases();
        }
        return instance;
    }

    private static boolean useContainers() {
        if ("false".equalsIgnoreCase(System.getenv("SHOPSAGA_TESTCONTAINERS"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException ex) {
            return false;
        }
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM ends
    private static TestInfrastructure startContainers() {
        log.info("Docker engine found: starting MySQL 8.4, Redis and Kafka in containers");
        MySQLContainer mysql = new MySQLContainer("mysql:8.4").withUsername("root").withPassword("test");
        GenericContainer<?> redis = new GenericContainer<>("redis:7.4-alpine").withExposedPorts(6379);
        mysql.start();
        redis.start();
        return new TestInfrastructure(
                "jdbc:mysql://" + mysql.getHost() + ":" + mysql.getMappedPort(3306) + "/", "root", "test",
                "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379), ContainerKafkaHolder::bootstrapServers);
    }

    private static TestInfrastructure useLocalServers() {
        String kafka = System.getenv("SHOPSAGA_KAFKA_BOOTSTRAP_SERVERS");
        log.info("No Docker engine: using the database and Redis on localhost, and Kafka at {}",
                kafka == null || kafka.isBlank() ? "an embedded KRaft broker (started when first needed)" : kafka);
        return new TestInfrastructure(
                env("SHOPSAGA_DB_URL", "jdbc:mysql://127.0.0.1:3306/"),
                env("SHOPSAGA_DB_USER", "root"),
                env("SHOPSAGA_DB_PASSWORD", ""),
                env("SHOPSAGA_REDIS_URL", "redis://127.0.0.1:6379"),
                kafka == null || kafka.isBlank() ? EmbeddedKafkaHolder::bootstrapServers : () -> kafka);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /**
     * Creates an empty database of its own for one Spring context (or one end-to-end run), named after
     * {@code purpose} so a leftover is easy to trace. It is dropped by {@link #dropDatabase(String)},
     * and, should the JVM die first, by the next run once it is an hour old.
     */
    public String createDatabase(String purpose) {
        String name = TEST_DB_PREFIX + LocalDateTime.now().format(STAMP) + "_"
                + purpose.replaceAll("[^A-Za-z0-9]", "").toLowerCase() + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
        execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return name;
    }

    public void dropDatabase(String name) {
        execute("DROP DATABASE IF EXISTS `" + name + "`");
    }

    /** A JDBC URL for one database on the shared server, with the options the services use. */
    public String jdbcUrl(String database) {
        return adminJdbcUrl + database;
    }

    public String dbUser() {
        return adminUser;
    }

    public String dbPassword() {
        return adminPassword;
    }

    public String redisUrl() {
        return redisUrl;
    }

    /** The broker's address; the embedded broker starts on the first call, so tests without Kafka never pay for it. */
    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers.get();
    }

    /** Opens a connection to the server (no default database) as the admin user. */
    public Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(adminJdbcUrl, adminUser, adminPassword);
    }

    private void execute(String sql) {
        try (Connection connection = adminConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not run '" + sql + "' on " + adminJdbcUrl, ex);
        }
    }

    private void dropStaleDatabases() {
        String cutoff = TEST_DB_PREFIX + LocalDateTime.now().minusHours(1).format(STAMP);
        List<String> stale = new ArrayList<>();
        try (Connection connection = adminConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SHOW DATABASES LIKE 't\\_%'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (name.length() > cutoff.length() && name.substring(0, cutoff.length()).compareTo(cutoff) < 0) {
                    stale.add(name);
                }
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("The test database server at " + adminJdbcUrl + " cannot be reached;"
                    + " start it (see docs/testing.md) or point SHOPSAGA_DB_URL at one", ex);
        }
        stale.forEach(this::dropDatabase);
    }

    /** Holds the Kafka container so it starts only when a test needs Kafka (Kafka classes are optional here). */
    private static final class ContainerKafkaHolder {

        private static KafkaContainer kafka;

        @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM ends
        static synchronized String bootstrapServers() {
            if (kafka == null) {
                kafka = new KafkaContainer("apache/kafka:4.1.1");
                kafka.start();
            }
            return kafka.getBootstrapServers();
        }
    }

    /** Holds the embedded KRaft broker so it starts only when a test needs Kafka and no other broker is given. */
    private static final class EmbeddedKafkaHolder {

        private static EmbeddedKafkaKraftBroker broker;

        static synchronized String bootstrapServers() {
            if (broker == null) {
                broker = new EmbeddedKafkaKraftBroker(1, 3);
                broker.brokerProperty("auto.create.topics.enable", "true");
                broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
                broker.afterPropertiesSet();
                Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-shutdown"));
            }
            return broker.getBrokersAsString();
        }
    }
}
