package io.shopsaga.deploy.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.shopsaga.deploy.ImageReference;
import io.shopsaga.deploy.RepositoryRoot;
import io.shopsaga.deploy.SystemServices;
import io.shopsaga.deploy.compose.ComposeFile;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** values-dev.yaml: single-node infrastructure in the cluster, the local passwords, one replica. */
class DevRenderingTests {

    private static final Rendering DEV = Renderings.dev();

    @Test
    void runsSingleNodeInfrastructureInTheRelease() {
        for (String name : SystemServices.INFRASTRUCTURE) {
            Deployment deployment = DEV.find(Deployment.class, name).orElseThrow(() -> new AssertionError("no Deployment " + name));
            assertThat(deployment.getSpec().getReplicas()).as(name).isEqualTo(1);
        }
        assertThat(WiringRules.externalSecretNames(DEV)).as("Secrets the release does not create").isEmpty();
    }

    @Test
    void usesTheImagesOfComposeForTheInfrastructure() {
        ComposeFile compose = ComposeFile.repository();
        for (String name : SystemServices.INFRASTRUCTURE) {
            String image = DEV.find(Deployment.class, name).orElseThrow().getSpec().getTemplate().getSpec().getContainers().getFirst().getImage();
            assertThat(image).as(name).isEqualTo(compose.services().get(name).image().orElseThrow());
            assertThat(ImageReference.parse(image).isPinned()).as(image).isTrue();
        }
    }

    @Test
    void givesEveryServiceTheLocalPasswordThatInitSqlCreates() {
        String initSql = RepositoryRoot.read("infra/mysql/init.sql");
        for (var service : SystemServices.ALL) {
            if (service.database().isEmpty()) {
                continue;
            }
            String secretName = "shopsaga-" + service.schema() + "-db";
            Secret secret = DEV.find(Secret.class, secretName).orElseThrow(() -> new AssertionError("no Secret " + secretName));
            String password = secret.getStringData().get("password");
            assertThat(password).isEqualTo(service.schema() + "-local");
            assertThat(initSql).contains("'" + service.schema() + "'@'%' IDENTIFIED BY '" + password + "'");
        }
    }

    @Test
    void chartCopiesOfTheInitScriptAndTheStubsAreThoseOfInfra() throws Exception {
        assertThat(HelmChart.DIRECTORY.resolve("files/mysql-init.sql")).hasSameTextualContentAs(RepositoryRoot.resolve("infra/mysql/init.sql"));
        try (var stubs = Files.list(RepositoryRoot.resolve("infra/wiremock/mappings"))) {
            for (var stub : stubs.toList()) {
                assertThat(HelmChart.DIRECTORY.resolve("files/wiremock").resolve(stub.getFileName().toString())).hasSameTextualContentAs(stub);
            }
        }
        try (var copies = Files.list(HelmChart.DIRECTORY.resolve("files/wiremock"))) {
            for (var copy : copies.toList()) {
                assertThat(RepositoryRoot.resolve("infra/wiremock/mappings").resolve(copy.getFileName().toString())).exists();
            }
        }
    }

    @Test
    void seedsTheEmptyDatabasesAndStartsQuickly() {
        for (var service : SystemServices.ALL) {
            Map<String, String> data = DEV.find(io.fabric8.kubernetes.api.model.ConfigMap.class, service.module()).orElseThrow().getData();
            assertThat(data).as(service.module()).containsEntry("SHOPSAGA_SEED", "true");
            assertThat(data.get("JAVA_OPTS")).contains("-XX:TieredStopAtLevel=1");
        }
    }

    @Test
    void runsTheServicesImagesAsComposeBuildsThem() {
        for (var service : SystemServices.ALL) {
            Container container = DEV.find(Deployment.class, service.module()).orElseThrow().getSpec().getTemplate().getSpec().getContainers().getFirst();
            assertThat(container.getImage()).isEqualTo(ComposeFile.repository().services().get(service.module()).image().orElseThrow());
        }
    }
}
