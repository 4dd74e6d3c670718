package io.shopsaga.deploy.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.shopsaga.deploy.ImageReference;
import io.shopsaga.deploy.SystemServices;
import io.shopsaga.deploy.Yamls;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** values-prod.yaml: autoscaled services, infrastructure and Secrets outside the chart. */
class ProdRenderingTests {

    private static final Rendering PROD = Renderings.prod();

    @Test
    void everyServiceScalesWithAnAutoscalerThatOwnsItsReplicas() {
        assertThat(ServiceRules.autoscalingProblems(PROD, SystemServices.ALL)).isEmpty();
    }

    @Test
    void createsNoSecretAndReadsEveryPasswordFromTheSecretsNamedInItsValues() {
        Map<String, Object> values = Yamls.mapping(HelmChart.read(HelmChart.valuesFile("values-prod.yaml")));
        List<String> named = new ArrayList<>();
        Yamls.child(values, "services").values().forEach(service ->
                named.add(String.valueOf(Yamls.child(Yamls.cast((Map<?, ?>) service), "database").get("existingSecret"))));
        named.add(String.valueOf(Yamls.child(Yamls.child(values, "infrastructure"), "redis").get("existingSecret")));

        assertThat(PROD.secrets()).isEmpty();
        assertThat(WiringRules.externalSecretNames(PROD)).containsExactlyInAnyOrderElementsOf(named);
    }

    @Test
    void everyServiceWithADatabaseReadsItsPasswordFromASecret() {
        for (var service : SystemServices.ALL) {
            Container container = PROD.find(Deployment.class, service.module()).orElseThrow().getSpec().getTemplate().getSpec().getContainers().getFirst();
            boolean readsPassword = container.getEnv() != null && container.getEnv().stream().anyMatch(e -> e.getName().equals("DB_PASSWORD")
                    && e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null);
            assertThat(readsPassword).as(service.module()).isEqualTo(service.database().isPresent());
        }
    }

    @Test
    void referencesTheInfrastructureOutsideTheClusterByAddress() {
        assertThat(WiringRules.inClusterInfrastructure(PROD, SystemServices.INFRASTRUCTURE)).isEmpty();
    }

    @Test
    void runsReleasedImagesFromTheRegistry() {
        for (Deployment deployment : PROD.deployments()) {
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                assertThat(ImageReference.parse(container.getImage()).isPinned()).as(container.getImage()).isTrue();
                assertThat(container.getImage()).startsWith("registry.example.com/shopsaga/");
            }
        }
    }

    @Test
    void reportsAServiceWithoutAnAutoscaler() {
        Rendering withoutHpa = Renderings.without(PROD, "HorizontalPodAutoscaler", "order-service");

        assertThat(ServiceRules.autoscalingProblems(withoutHpa, SystemServices.ALL)).containsExactly("order-service: no HorizontalPodAutoscaler");
        assertThat(ServiceRules.autoscalingProblems(Renderings.dev(), SystemServices.ALL)).hasSize(SystemServices.ALL.size());
    }

    @Test
    void reportsInfrastructureInsideTheRelease() {
        assertThat(WiringRules.inClusterInfrastructure(Renderings.dev(), SystemServices.INFRASTRUCTURE))
                .contains("mysql: runs inside the release", "kafka: runs inside the release")
                .contains("ConfigMap/balance-service: DB_HOST points at mysql inside the cluster");
    }
}
