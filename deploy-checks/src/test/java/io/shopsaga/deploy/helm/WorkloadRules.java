package io.shopsaga.deploy.helm;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.shopsaga.deploy.ImageReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What every container of every workload must have: liveness and readiness probes, CPU and memory requests
 * and limits, a non-root user, a read-only root filesystem with an emptyDir {@code /tmp}, no privilege
 * escalation, no capabilities, the RuntimeDefault seccomp profile, and an image with an explicit tag.
 */
public final class WorkloadRules {

    private WorkloadRules() {
    }

    /** The problems of every container of every Deployment, as {@code Deployment/name container: problem}. */
    public static List<String> containerProblems(Rendering rendering) {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : rendering.deployments()) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            List<Container> containers = Stream.concat(pod.getContainers().stream(),
                    Optional.ofNullable(pod.getInitContainers()).orElse(List.of()).stream()).toList();
            for (Container container : containers) {
                String where = "Deployment/" + deployment.getMetadata().getName() + " " + container.getName() + ": ";
                containerProblems(pod, container).forEach(problem -> problems.add(where + problem));
            }
            if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
                problems.add("Deployment/" + deployment.getMetadata().getName() + ": mounts a service account token");
            }
        }
        return problems;
    }

    private static List<String> containerProblems(PodSpec pod, Container container) {
        List<String> problems = new ArrayList<>();
        if (container.getLivenessProbe() == null) {
            problems.add("no livenessProbe");
        }
        if (container.getReadinessProbe() == null) {
            problems.add("no readinessProbe");
        }
        Map<String, Quantity> requests = container.getResources() == null ? null : container.getResources().getRequests();
        Map<String, Quantity> limits = container.getResources() == null ? null : container.getResources().getLimits();
        for (String resource : List.of("cpu", "memory")) {
            if (requests == null || !requests.containsKey(resource)) {
                problems.add("no " + resource + " request");
            }
            if (limits == null || !limits.containsKey(resource)) {
                problems.add("no " + resource + " limit");
            }
        }
        PodSecurityContext podSecurity = Optional.ofNullable(pod.getSecurityContext()).orElseGet(PodSecurityContext::new);
        SecurityContext security = Optional.ofNullable(container.getSecurityContext()).orElseGet(SecurityContext::new);
        if (!Boolean.TRUE.equals(firstNonNull(security.getRunAsNonRoot(), podSecurity.getRunAsNonRoot()))) {
            problems.add("runAsNonRoot is not true");
        }
        Long user = firstNonNull(security.getRunAsUser(), podSecurity.getRunAsUser());
        if (user != null && user == 0) {
            problems.add("runs as user 0");
        }
        if (!Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())) {
            problems.add("readOnlyRootFilesystem is not true");
        }
        if (!Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
            problems.add("allowPrivilegeEscalation is not false");
        }
        if (security.getCapabilities() == null || security.getCapabilities().getDrop() == null
                || !security.getCapabilities().getDrop().contains("ALL")) {
            problems.add("does not drop ALL capabilities");
        }
        if (security.getCapabilities() != null && security.getCapabilities().getAdd() != null
                && !security.getCapabilities().getAdd().isEmpty()) {
            problems.add("adds capabilities " + security.getCapabilities().getAdd());
        }
        if (security.getPrivileged() != null && security.getPrivileged()) {
            problems.add("is privileged");
        }
        String seccomp = security.getSeccompProfile() != null ? security.getSeccompProfile().getType()
                : podSecurity.getSeccompProfile() != null ? podSecurity.getSeccompProfile().getType() : null;
        if (!"RuntimeDefault".equals(seccomp)) {
            problems.add("seccomp profile is " + seccomp + ", not RuntimeDefault");
        }
        if (!mountsEmptyDir(pod, container, "/tmp")) {
            problems.add("no emptyDir mounted at /tmp");
        }
        if (container.getImage() == null || !ImageReference.parse(container.getImage()).hasExplicitTag()) {
            problems.add("image " + container.getImage() + " has no explicit tag");
        }
        return problems;
    }

    /** The container's setting, else the pod's (Kubernetes' precedence). */
    private static <T> T firstNonNull(T container, T pod) {
        return container != null ? container : pod;
    }

    private static boolean mountsEmptyDir(PodSpec pod, Container container, String path) {
        List<VolumeMount> mounts = Optional.ofNullable(container.getVolumeMounts()).orElse(List.of());
        List<Volume> volumes = Optional.ofNullable(pod.getVolumes()).orElse(List.of());
        return mounts.stream().filter(m -> path.equals(m.getMountPath()))
                .anyMatch(m -> volumes.stream().anyMatch(v -> v.getName().equals(m.getName()) && v.getEmptyDir() != null));
    }
}
