package io.shopsaga.deploy;

import java.util.List;
import java.util.Optional;

/**
 * What the deployment files must run: the services (docs/stack.md's port table, infra/mysql/init.sql's schemas)
 * and the infrastructure they need. {@code SystemServicesTests} keeps this in line with each module's
 * application.yml, where one exists.
 */
public final class SystemServices {

    /** Every service, the gateway first. */
    public static final List<SystemService> ALL = List.of(
            new SystemService("gateway", 8080, 8090, null),
            new SystemService("balance-service", 8081, "balance"),
            new SystemService("product-service", 8082, "product"),
            new SystemService("coupon-service", 8083, "coupon"),
            new SystemService("order-service", 8084, "orders"),
            new SystemService("ranking-service", 8085, "ranking"),
            new SystemService("data-platform-consumer", 8086, "dataplatform"));

    /** The infrastructure containers of docker-compose.yml (and of the chart's in-cluster dev infrastructure). */
    public static final List<String> INFRASTRUCTURE = List.of("mysql", "redis", "kafka", "wiremock");

    /** The only service that clients reach. */
    public static final String GATEWAY = "gateway";

    private SystemServices() {
    }

    /** The service of a module, if the module is one. */
    public static Optional<SystemService> byModule(String module) {
        return ALL.stream().filter(s -> s.module().equals(module)).findFirst();
    }

    /** The module names of every service. */
    public static List<String> modules() {
        return ALL.stream().map(SystemService::module).toList();
    }
}
