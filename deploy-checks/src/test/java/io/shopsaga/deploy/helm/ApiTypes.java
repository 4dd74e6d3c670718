package io.shopsaga.deploy.helm;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The API versions and kinds the chart may render: current, stable ones that every supported Kubernetes (1.27+)
 * serves. A removed version (extensions/v1beta1 Ingress, policy/v1beta1 PodDisruptionBudget, autoscaling/v2beta2)
 * or a kind nobody reviewed fails here rather than at install time.
 */
public final class ApiTypes {

    /** {@code apiVersion/kind} of every object the chart may render. */
    public static final Set<String> ALLOWED = Set.of(
            "v1/ConfigMap",
            "v1/Secret",
            "v1/Service",
            "v1/ServiceAccount",
            "apps/v1/Deployment",
            "policy/v1/PodDisruptionBudget",
            "autoscaling/v2/HorizontalPodAutoscaler",
            "networking.k8s.io/v1/Ingress");

    private ApiTypes() {
    }

    /** Objects of a type outside the allow-list, or that fabric8 could not type. */
    public static List<String> problems(Rendering rendering) {
        List<String> problems = new ArrayList<>();
        for (Manifest manifest : rendering.manifests()) {
            if (!ALLOWED.contains(manifest.type())) {
                problems.add(manifest.id() + ": " + manifest.type() + " is not an allowed apiVersion/kind");
            } else if (manifest.object() instanceof GenericKubernetesResource) {
                problems.add(manifest.id() + ": " + manifest.type() + " was not parsed into a typed object");
            }
        }
        return problems;
    }
}
