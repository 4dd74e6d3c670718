package io.shopsaga.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SystemServicesTests {

    @Test
    void catalogAgreesWithEachExistingServicesApplicationYml() {
        for (SystemService service : SystemServices.ALL) {
            String file = service.module() + "/src/main/resources/application.yml";
            if (!Files.isRegularFile(RepositoryRoot.resolve(file))) {
                continue;   // a service still being written; its conventions are assumed
            }
            Map<String, Object> yml = Yamls.mapping(RepositoryRoot.read(file));
            assertThat(Yamls.child(yml, "server").get("port")).as(file + " server.port").isEqualTo(service.port());
            Object actuatorPort = Yamls.child(Yamls.child(yml, "management"), "server").get("port");
            assertThat(actuatorPort).as(file + " management.server.port")
                    .isEqualTo(service.hasActuatorPort() ? service.actuatorPort() : null);
            String url = String.valueOf(Yamls.child(Yamls.child(yml, "spring"), "datasource").get("url"));
            if (service.schema() == null) {
                assertThat(url).as(file + " has no datasource").isEqualTo("null");
            } else {
                assertThat(url).as(file + " datasource").contains("${DB_HOST:").endsWith("/" + service.schema());
            }
        }
    }

    @Test
    void everyServiceModuleIsInTheCatalog() {
        assertThat(SystemServices.modules()).containsAll(ServiceModules.in(RepositoryRoot.path()));
    }

    @Test
    void findsTheServiceModulesByTheirApplicationClass() {
        assertThat(ServiceModules.in(RepositoryRoot.path()))
                .contains("gateway", "balance-service")
                .doesNotContain("deploy-checks", "e2e", "contracts", "local-stack");
    }

    @Test
    void everySchemaOfTheCatalogIsCreatedByInitSql() {
        String initSql = RepositoryRoot.read("infra/mysql/init.sql");
        for (SystemService service : SystemServices.ALL) {
            service.database().ifPresent(schema -> assertThat(initSql)
                    .contains("CREATE DATABASE IF NOT EXISTS `" + schema + "`")
                    .contains("'" + schema + "'@'%' IDENTIFIED BY '" + schema + "-local'"));
        }
    }

    @Test
    void readsTheServiceTableOfBinStack() {
        String script = """
                #!/usr/bin/env bash
                SERVICES=(
                  "balance-service 8081"
                  "order-service   8084"
                  "gateway         8080 8090"
                )
                other=( "not-a-service 1" )
                """;

        assertThat(BinStackServices.modules(script)).containsExactly("balance-service", "order-service", "gateway");
        assertThat(BinStackServices.modules("#!/bin/sh\necho no table\n")).isEmpty();
    }
}
