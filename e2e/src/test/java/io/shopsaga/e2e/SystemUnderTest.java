package io.shopsaga.e2e;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.shopsaga.testsupport.HttpApi;
import io.shopsaga.testsupport.TestInfrastructure;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The whole system as processes, started once for all end-to-end tests of the JVM and stopped when
 * it ends: each service on a free port against its own fresh database, the gateway in front. Redis is
 * the shared test server; each service's keys live under a prefix of this run. Kafka is the test
 * infrastructure's broker (embedded KRaft without a Docker engine), never one a local stack runs.
 */
final class SystemUnderTest {

    private static SystemUnderTest instance;

    final ServiceProcess balance;
    final ServiceProcess product;
    final ServiceProcess coupon;
    final ServiceProcess order;
    final ServiceProcess ranking;
    final ServiceProcess dataPlatformConsumer;
    final ServiceProcess gateway;
    /** The external data platform's stand-in, in this JVM so that tests can read what it received. */
    final WireMockServer dataPlatform;

    private SystemUnderTest() {
        TestInfrastructure infra = TestInfrastructure.get();
        Map<String, String> redis = redis(infra);
        Map<String, String> kafka = Map.of("KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers());
        String run = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
        // balance-service writes its access lines (off by default in the services), which carry the request id.
        balance = new ServiceProcess("balance-service", ServiceProcess.freePort(),
                merge(database(infra, "balance"), kafka, Map.of("LOGGING_LEVEL_IO_SHOPSAGA_ACCESS", "INFO")));
        product = new ServiceProcess("product-service", ServiceProcess.freePort(),
                merge(database(infra, "product"), redis, kafka));
        coupon = new ServiceProcess("coupon-service", ServiceProcess.freePort(), merge(database(infra, "coupon"), redis,
                kafka, Map.of("SHOPSAGA_COUPON_REDISPREFIX", "e2e-coupon-" + run)));
        order = new ServiceProcess("order-service", ServiceProcess.freePort(), merge(database(infra, "orders"), kafka,
                Map.of("PRODUCT_SERVICE_URL", product.url(),
                        // Long enough for a stopped participant to come back before its step is compensated.
                        "SHOPSAGA_ORDER_STEPTIMEOUT", "40s")));
        // Its Redis keys are namespaced by its (fresh) database's name.
        ranking = new ServiceProcess("ranking-service", ServiceProcess.freePort(), merge(database(infra, "ranking"),
                redis, kafka, Map.of("PRODUCT_SERVICE_URL", product.url())));
        dataPlatform = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        dataPlatform.start();
        dataPlatform.stubFor(WireMock.post("/orders").willReturn(WireMock.aResponse().withStatus(202)));
        dataPlatformConsumer = new ServiceProcess("data-platform-consumer", ServiceProcess.freePort(),
                merge(database(infra, "dataplatform"), kafka, Map.of("DATA_PLATFORM_URL", dataPlatform.baseUrl(),
                        // Retries seconds apart, not minutes, so that a test sees the platform come back.
                        "SHOPSAGA_DATAPLATFORM_INITIALBACKOFF", "200ms", "SHOPSAGA_DATAPLATFORM_MAXBACKOFF", "1s")));
        gateway = new ServiceProcess("gateway", ServiceProcess.freePort(), merge(redis, Map.of(
                // Its actuator listens on a port of its own, as in every deployment.
                "MANAGEMENT_SERVER_PORT", Integer.toString(ServiceProcess.freePort()),
                "BALANCE_SERVICE_URL", balance.url(),
                "PRODUCT_SERVICE_URL", product.url(),
                "COUPON_SERVICE_URL", coupon.url(),
                "ORDER_SERVICE_URL", order.url(),
                "RANKING_SERVICE_URL", ranking.url(),
                // Low enough that a test can reach it with one user; other users are unaffected.
                "SHOPSAGA_GATEWAY_COUPONRATELIMIT_REPLENISHRATE", "5",
                "SHOPSAGA_GATEWAY_COUPONRATELIMIT_BURSTCAPACITY", "10")));
        List<ServiceProcess> all = List.of(balance, product, coupon, order, ranking, dataPlatformConsumer, gateway);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ServiceProcess.stopAll(all, Duration.ofSeconds(15));
            dataPlatform.stop();
        }, "e2e-shutdown"));
        all.forEach(ServiceProcess::launch);
        all.forEach(ServiceProcess::awaitReady);
    }

    static synchronized SystemUnderTest get() {
        if (instance == null) {
            instance = new SystemUnderTest();
        }
        return instance;
    }

    HttpApi gatewayApi() {
        return HttpApi.onPort(gateway.port());
    }

    private static Map<String, String> database(TestInfrastructure infra, String schema) {
        String database = infra.createDatabase("e2e" + schema);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> infra.dropDatabase(database)));
        return Map.of(
                "SPRING_DATASOURCE_URL", infra.jdbcUrl(database),
                "SPRING_DATASOURCE_USERNAME", infra.dbUser(),
                "SPRING_DATASOURCE_PASSWORD", infra.dbPassword());
    }

    private static Map<String, String> redis(TestInfrastructure infra) {
        URI url = URI.create(infra.redisUrl());
        return Map.of("REDIS_HOST", url.getHost(), "REDIS_PORT", Integer.toString(url.getPort()));
    }

    @SafeVarargs
    private static Map<String, String> merge(Map<String, String>... parts) {
        Map<String, String> merged = new HashMap<>();
        for (Map<String, String> part : parts) {
            merged.putAll(part);
        }
        return merged;
    }
}
