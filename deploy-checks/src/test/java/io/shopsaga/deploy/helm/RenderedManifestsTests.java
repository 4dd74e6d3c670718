package io.shopsaga.deploy.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsaga.deploy.SystemServices;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The rules every rendering of the chart must pass, with each values file. */
class RenderedManifestsTests {

    static final java.util.List<String> valuesFiles = Renderings.VALUES_FILES;

    /** The deployable configurations; values.yaml alone names the development addresses without running them. */
    static final java.util.List<String> deployments = java.util.List.of("values-dev.yaml", "values-prod.yaml");

    @ParameterizedTest
    @FieldSource("valuesFiles")
    void rendersOnlyTypedObjectsOfAllowedApiVersionsAndKinds(String valuesFile) {
        Rendering rendering = Renderings.of(valuesFile);

        assertThat(rendering.manifests()).isNotEmpty();
        assertThat(ApiTypes.problems(rendering)).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("valuesFiles")
    void rendersNoFieldThatKubernetesDoesNotKnow(String valuesFile) {
        assertThat(UnknownFields.in(Renderings.of(valuesFile))).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("valuesFiles")
    void everyContainerHasProbesAndLimitsAndRunsNonRootOnAReadOnlyFilesystem(String valuesFile) {
        assertThat(WorkloadRules.containerProblems(Renderings.of(valuesFile))).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("valuesFiles")
    void everyServiceHasItsDeploymentServiceConfigMapAndDisruptionBudget(String valuesFile) {
        assertThat(ServiceRules.problems(Renderings.of(valuesFile), SystemServices.ALL)).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("valuesFiles")
    void onlyTheGatewayIsBehindAnIngress(String valuesFile) {
        assertThat(ServiceRules.ingressProblems(Renderings.of(valuesFile), SystemServices.GATEWAY)).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("valuesFiles")
    void keepsSecretsOutOfPlainConfiguration(String valuesFile) {
        assertThat(WiringRules.plainSecretProblems(Renderings.of(valuesFile))).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("deployments")
    void everyAddressWithoutADomainIsAServiceOfTheRelease(String valuesFile) {
        assertThat(WiringRules.unresolvedAddresses(Renderings.of(valuesFile))).isEmpty();
    }
}
