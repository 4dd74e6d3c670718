package io.shopsaga.deploy.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsaga.deploy.BinStackServices;
import io.shopsaga.deploy.RepositoryRoot;
import io.shopsaga.deploy.ServiceModules;
import io.shopsaga.deploy.SystemService;
import io.shopsaga.deploy.SystemServices;
import io.shopsaga.deploy.Yamls;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ComposeServicesTests {

    private static final String DOCKERFILE = "docker/Dockerfile";
    private static final Set<String> MAY_PUBLISH = Set.of(SystemServices.GATEWAY, "wiremock");

    private static List<String> everyContainer() {
        return Stream.concat(SystemServices.INFRASTRUCTURE.stream(), SystemServices.modules().stream()).toList();
    }

    /** The repository's Compose file with one change: each negative test breaks exactly one thing. */
    private static ComposeFile repositoryWith(String service, Consumer<Map<String, Object>> change) {
        ComposeFile compose = ComposeFile.repository();
        Map<String, Object> services = Yamls.child(compose.document(), "services");
        // Aliased sections are shared between services; give the one changed its own copy.
        Map<String, Object> definition = new LinkedHashMap<>(Yamls.cast((Map<?, ?>) services.get(service)));
        change.accept(definition);
        services.put(service, definition);
        return compose;
    }

    @Test
    void everyContainerTheSystemNeedsIsPresent() {
        assertThat(ComposeRules.missingServices(ComposeFile.repository(), everyContainer())).isEmpty();
    }

    @Test
    void reportsAMissingContainer() {
        ComposeFile compose = ComposeFile.repository();
        Yamls.child(compose.document(), "services").remove("kafka");

        assertThat(ComposeRules.missingServices(compose, everyContainer())).containsExactly("kafka: missing from the Compose file");
    }

    @Test
    void everyServiceModuleOfTheRepositoryIsInCompose() {
        assertThat(ComposeRules.missingServices(ComposeFile.repository(), ServiceModules.in(RepositoryRoot.path()))).isEmpty();
    }

    /** docs/development.md, "Adding a service": deploy-checks fails until the module is in bin/stack too. */
    @Test
    void everyServiceModuleOfTheRepositoryIsStartedByBinStack() {
        assertThat(BinStackServices.modules(RepositoryRoot.read("bin/stack"))).containsAll(ServiceModules.in(RepositoryRoot.path()));
    }

    @Test
    void reportsAServiceModuleThatComposeDoesNotRun() {
        List<String> modules = new ArrayList<>(ServiceModules.in(RepositoryRoot.path()));
        modules.add("shipping-service");

        assertThat(ComposeRules.missingServices(ComposeFile.repository(), modules))
                .containsExactly("shipping-service: missing from the Compose file");
    }

    @Test
    void everyContainerHasAHealthcheck() {
        assertThat(ComposeRules.withoutHealthcheck(ComposeFile.repository())).isEmpty();
    }

    @Test
    void reportsAContainerWithoutOrWithADisabledHealthcheck() {
        ComposeFile withoutHealthcheck = repositoryWith("coupon-service", s -> s.remove("healthcheck"));
        ComposeFile disabled = repositoryWith("redis", s -> s.put("healthcheck", Map.of("disable", true)));

        assertThat(ComposeRules.withoutHealthcheck(withoutHealthcheck)).containsExactly("coupon-service: no healthcheck");
        assertThat(ComposeRules.withoutHealthcheck(disabled)).containsExactly("redis: no healthcheck");
    }

    @Test
    void everyContainerHasAMemoryLimit() {
        assertThat(ComposeRules.withoutMemoryLimit(ComposeFile.repository())).isEmpty();
    }

    @Test
    void reportsAContainerWithoutAMemoryLimit() {
        ComposeFile compose = repositoryWith("mysql", s -> s.remove("deploy"));

        assertThat(ComposeRules.withoutMemoryLimit(compose)).containsExactly("mysql: no memory limit (deploy.resources.limits.memory)");
    }

    @Test
    void dependenciesWaitForHealthyContainersWithoutCycles() {
        assertThat(ComposeRules.dependencyProblems(ComposeFile.repository())).isEmpty();
    }

    @Test
    void reportsADependencyThatOnlyWaitsForTheStart() {
        ComposeFile compose = repositoryWith("balance-service", s -> s.put("depends_on", List.of("mysql", "kafka")));

        assertThat(ComposeRules.dependencyProblems(compose)).containsExactly(
                "balance-service: depends on mysql with condition service_started instead of service_healthy",
                "balance-service: depends on kafka with condition service_started instead of service_healthy");
    }

    @Test
    void reportsWaitingForTheHealthOfAContainerThatHasNoHealthcheck() {
        ComposeFile compose = repositoryWith("wiremock", s -> s.remove("healthcheck"));

        assertThat(ComposeRules.dependencyProblems(compose))
                .containsExactly("data-platform-consumer: waits for wiremock to be healthy, but it has no healthcheck");
    }

    @Test
    void reportsAContainerThatTheEnvironmentPointsAtButThatIsNotWaitedFor() {
        ComposeFile compose = repositoryWith("order-service", s -> s.put("depends_on",
                Map.of("mysql", Map.of("condition", "service_healthy"), "kafka", Map.of("condition", "service_healthy"))));

        assertThat(ComposeRules.dependencyProblems(compose))
                .containsExactly("order-service: its environment points at product-service, which it does not depend on");
    }

    @Test
    void reportsADependencyCycle() {
        ComposeFile compose = repositoryWith("product-service", s -> s.put("depends_on",
                Map.of("order-service", Map.of("condition", "service_healthy"))));

        assertThat(ComposeRules.dependencyProblems(compose)).anyMatch(p -> p.startsWith("dependency cycle:")
                && p.contains("order-service") && p.contains("product-service"));
    }

    @Test
    void onlyTheGatewayAndWireMockArePublishedOnTheHost() {
        ComposeFile compose = ComposeFile.repository();

        assertThat(ComposeRules.publishedPortProblems(compose, MAY_PUBLISH)).isEmpty();
        // The gateway's actuator only on this machine's loopback, never on every interface.
        assertThat(compose.services().get(SystemServices.GATEWAY).publishedPorts())
                .containsExactly("8080:8080", "127.0.0.1:8090:8090");
    }

    @Test
    void reportsAPublishedDatabase() {
        ComposeFile compose = repositoryWith("mysql", s -> s.put("ports", List.of(Map.of("target", 3306, "published", 3306))));

        assertThat(ComposeRules.publishedPortProblems(compose, MAY_PUBLISH)).singleElement().asString().startsWith("mysql: publishes [3306:3306]");
    }

    @Test
    void pulledImagesArePinnedToExactVersions() {
        assertThat(ComposeRules.unpinnedImages(ComposeFile.repository())).isEmpty();
    }

    @Test
    void reportsLatestUntaggedAndFloatingImages() {
        assertThat(ComposeRules.unpinnedImages(repositoryWith("redis", s -> s.put("image", "redis:latest"))))
                .containsExactly("redis: image redis:latest is not pinned to an exact version");
        assertThat(ComposeRules.unpinnedImages(repositoryWith("kafka", s -> s.put("image", "apache/kafka"))))
                .containsExactly("kafka: image apache/kafka is not pinned to an exact version");
        assertThat(ComposeRules.unpinnedImages(repositoryWith("mysql", s -> s.put("image", "mysql:8.4"))))
                .containsExactly("mysql: image mysql:8.4 is not pinned to an exact version");
    }

    @Test
    void everyServiceIsBuiltFromTheSharedDockerfileAndWiredToItsOwnPortAndDatabaseUser() {
        ComposeFile compose = ComposeFile.repository();

        assertThat(ComposeRules.serviceWiringProblems(compose, SystemServices.ALL, DOCKERFILE)).isEmpty();
        assertThat(RepositoryRoot.resolve(DOCKERFILE)).isRegularFile();
    }

    @Test
    void reportsAServiceWiredToAnotherServicesPortUserOrModule() {
        ComposeFile compose = repositoryWith("coupon-service", s -> {
            s.put("healthcheck", Map.of("test", List.of("CMD", "healthcheck", "8082", "/actuator/health/readiness")));
            s.put("environment", Map.of("DB_HOST", "mysql", "DB_USER", "product"));
            s.put("build", Map.of("context", ".", "dockerfile", DOCKERFILE, "args", Map.of("MODULE", "product-service")));
        });

        assertThat(ComposeRules.serviceWiringProblems(compose, SystemServices.ALL, DOCKERFILE)).containsExactly(
                "coupon-service: build arg MODULE is product-service, not coupon-service",
                "coupon-service: healthcheck [CMD healthcheck 8082 /actuator/health/readiness] does not probe /actuator/health/readiness on port 8083",
                "coupon-service: DB_USER is product, not its own user coupon");
    }

    @Test
    void peerUrlsNameTheServiceOnItsOwnPort() {
        assertThat(ComposeRules.peerUrlProblems(ComposeFile.repository(), SystemServices.ALL)).isEmpty();
    }

    @Test
    void reportsAPeerUrlOnTheWrongPort() {
        ComposeFile compose = repositoryWith("order-service", s -> s.put("environment", Map.of("PRODUCT_SERVICE_URL", "http://product-service:8081")));

        assertThat(ComposeRules.peerUrlProblems(compose, SystemServices.ALL))
                .containsExactly("order-service: PRODUCT_SERVICE_URL=http://product-service:8081 is not http://product-service:8082");
    }

    @Test
    void mountsTheSharedInitScriptAndStubs() {
        ComposeFile compose = ComposeFile.repository();

        assertThat(compose.services().get("mysql").definition().get("volumes").toString())
                .contains("./infra/mysql/init.sql:/docker-entrypoint-initdb.d/");
        assertThat(compose.services().get("wiremock").definition().get("volumes").toString()).contains("./infra/wiremock:");
        assertThat(RepositoryRoot.resolve("infra/mysql/init.sql")).isRegularFile();
        assertThat(Files.isDirectory(RepositoryRoot.resolve("infra/wiremock/mappings"))).isTrue();
    }

    @Test
    void everyServiceGetsTheInfrastructureAddressesItNeeds() {
        ComposeFile compose = ComposeFile.repository();
        for (SystemService service : SystemServices.ALL) {
            Map<String, String> env = compose.services().get(service.module()).environment();
            if (service.database().isPresent()) {
                assertThat(env).as(service.module()).containsEntry("DB_HOST", "mysql").containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
            }
        }
        for (String usesRedis : List.of("gateway", "product-service", "coupon-service", "ranking-service")) {
            assertThat(compose.services().get(usesRedis).environment()).as(usesRedis).containsEntry("REDIS_HOST", "redis");
        }
        assertThat(compose.services().get("data-platform-consumer").environment()).containsEntry("DATA_PLATFORM_URL", "http://wiremock:8089");
    }
}
