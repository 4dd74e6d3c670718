package io.shopsaga.e2e;

import io.shopsaga.testsupport.HttpApi;
import io.shopsaga.testsupport.TestInfrastructure;
import java.util.Map;

/**
 * The whole system as processes, started once for all end-to-end tests of the JVM and stopped when
 * it ends: each service on a free port against its own fresh database, the gateway in front.
 */
final class SystemUnderTest {

    private static SystemUnderTest instance;

    final ServiceProcess balance;
    final ServiceProcess gateway;

    private SystemUnderTest() {
        TestInfrastructure infra = TestInfrastructure.get();
        balance = new ServiceProcess("balance-service", ServiceProcess.freePort(), database(infra, "balance"));
        gateway = new ServiceProcess("gateway", ServiceProcess.freePort(), Map.of(
                "BALANCE_SERVICE_URL", "http://localhost:" + balance.port()));
        balance.start();
        gateway.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.stop();
            balance.stop();
        }, "e2e-shutdown"));
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
}
