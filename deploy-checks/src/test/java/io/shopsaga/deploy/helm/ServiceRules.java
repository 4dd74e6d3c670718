package io.shopsaga.deploy.helm;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.shopsaga.deploy.SystemService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each ShopSaga service must have in a rendering: a Deployment whose container listens on the service's
 * port with probes on the actuator health groups, a Service selecting its pods on that port, its ConfigMap,
 * a PodDisruptionBudget, and (where autoscaling is expected) an HPA that owns the replica count; and the
 * gateway behind an Ingress.
 */
public final class ServiceRules {

    private ServiceRules() {
    }

    /** Missing or miswired objects of each service. */
    public static List<String> problems(Rendering rendering, Collection<SystemService> services) {
        List<String> problems = new ArrayList<>();
        for (SystemService expected : services) {
            String name = expected.module();
            Optional<Deployment> deployment = rendering.find(Deployment.class, name);
            if (deployment.isEmpty()) {
                problems.add(name + ": no Deployment");
                continue;
            }
            Map<String, String> podLabels = deployment.get().getSpec().getTemplate().getMetadata().getLabels();
            Map<String, String> selector = deployment.get().getSpec().getSelector().getMatchLabels();
            if (!podLabels.entrySet().containsAll(selector.entrySet())) {
                problems.add(name + ": the Deployment's selector " + selector + " does not match its pods' labels");
            }
            Container container = deployment.get().getSpec().getTemplate().getSpec().getContainers().getFirst();
            Optional<ContainerPort> port = listening(container, expected.port());
            if (port.isEmpty()) {
                problems.add(name + ": its container does not listen on " + expected.port());
            }
            Optional<ContainerPort> actuatorPort = listening(container, expected.actuatorPort());
            if (expected.hasActuatorPort() && actuatorPort.isEmpty()) {
                problems.add(name + ": its container does not listen on its actuator port " + expected.actuatorPort());
            }
            problems.addAll(probeProblems(name, "livenessProbe", container.getLivenessProbe(), "/actuator/health/liveness", actuatorPort));
            problems.addAll(probeProblems(name, "readinessProbe", container.getReadinessProbe(), "/actuator/health/readiness", actuatorPort));
            boolean readsConfigMap = container.getEnvFrom() != null && container.getEnvFrom().stream()
                    .anyMatch(e -> e.getConfigMapRef() != null && name.equals(e.getConfigMapRef().getName()));
            if (rendering.find(ConfigMap.class, name).isEmpty() || !readsConfigMap) {
                problems.add(name + ": no ConfigMap " + name + " read by its container");
            }
            Optional<Service> service = rendering.find(Service.class, name);
            if (service.isEmpty()) {
                problems.add(name + ": no Service");
            } else {
                if (!podLabels.entrySet().containsAll(service.get().getSpec().getSelector().entrySet())) {
                    problems.add(name + ": the Service's selector does not match the Deployment's pods");
                }
                ServicePort servicePort = service.get().getSpec().getPorts().getFirst();
                if (servicePort.getPort() != expected.port() || !targets(servicePort.getTargetPort(), port)) {
                    problems.add(name + ": the Service does not forward port " + expected.port() + " to the container's port");
                }
                if (expected.hasActuatorPort() && service.get().getSpec().getPorts().stream().anyMatch(p ->
                        p.getPort() == expected.actuatorPort() || targets(p.getTargetPort(), actuatorPort))) {
                    problems.add(name + ": the Service exposes its actuator port " + expected.actuatorPort());
                }
            }
            Optional<PodDisruptionBudget> budget = rendering.find(PodDisruptionBudget.class, name);
            if (budget.isEmpty()) {
                problems.add(name + ": no PodDisruptionBudget");
            } else if (!podLabels.entrySet().containsAll(budget.get().getSpec().getSelector().getMatchLabels().entrySet())) {
                problems.add(name + ": the PodDisruptionBudget's selector does not match the Deployment's pods");
            }
        }
        return problems;
    }

    /** Every service scales with an HPA that targets its Deployment, and the Deployment leaves replicas to it. */
    public static List<String> autoscalingProblems(Rendering rendering, Collection<SystemService> services) {
        List<String> problems = new ArrayList<>();
        for (SystemService expected : services) {
            String name = expected.module();
            Optional<HorizontalPodAutoscaler> hpa = rendering.find(HorizontalPodAutoscaler.class, name);
            if (hpa.isEmpty()) {
                problems.add(name + ": no HorizontalPodAutoscaler");
                continue;
            }
            var target = hpa.get().getSpec().getScaleTargetRef();
            if (!"Deployment".equals(target.getKind()) || !name.equals(target.getName())) {
                problems.add(name + ": the HorizontalPodAutoscaler scales " + target.getKind() + "/" + target.getName());
            }
            Integer min = hpa.get().getSpec().getMinReplicas();
            if (min == null || min < 2 || min > hpa.get().getSpec().getMaxReplicas()) {
                problems.add(name + ": the HorizontalPodAutoscaler's minReplicas " + min + " is below 2 or above maxReplicas");
            }
            rendering.find(Deployment.class, name).filter(d -> d.getSpec().getReplicas() != null).ifPresent(d ->
                    problems.add(name + ": the Deployment sets replicas although an HorizontalPodAutoscaler owns them"));
        }
        return problems;
    }

    /** The gateway, and only the gateway, is reachable through an Ingress, on a port its Service has. */
    public static List<String> ingressProblems(Rendering rendering, String gateway) {
        List<Ingress> ingresses = rendering.all(Ingress.class);
        if (ingresses.isEmpty()) {
            return List.of("no Ingress for " + gateway);
        }
        List<String> problems = new ArrayList<>();
        for (Ingress ingress : ingresses) {
            for (IngressRule rule : ingress.getSpec().getRules()) {
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    var backend = path.getBackend().getService();
                    if (!gateway.equals(backend.getName())) {
                        problems.add("Ingress/" + ingress.getMetadata().getName() + ": routes " + path.getPath() + " to " + backend.getName() + ", not the gateway");
                        continue;
                    }
                    boolean portExists = rendering.find(Service.class, gateway).stream().flatMap(s -> s.getSpec().getPorts().stream())
                            .anyMatch(p -> p.getPort().equals(backend.getPort().getNumber()) || (p.getName() != null && p.getName().equals(backend.getPort().getName())));
                    if (!portExists) {
                        problems.add("Ingress/" + ingress.getMetadata().getName() + ": the gateway Service has no port " + backend.getPort());
                    }
                }
            }
        }
        return problems;
    }

    private static List<String> probeProblems(String name, String kind, Probe probe, String path, Optional<ContainerPort> port) {
        if (probe == null) {
            return List.of(name + ": no " + kind);
        }
        HTTPGetAction get = probe.getHttpGet();
        if (get == null || !path.equals(get.getPath()) || !targets(get.getPort(), port)) {
            return List.of(name + ": its " + kind + " is not GET " + path + " on the service's actuator port");
        }
        return List.of();
    }

    private static Optional<ContainerPort> listening(Container container, int number) {
        return container.getPorts() == null ? Optional.empty()
                : container.getPorts().stream().filter(p -> p.getContainerPort() == number).findFirst();
    }

    private static boolean targets(IntOrString target, Optional<ContainerPort> port) {
        if (target == null || port.isEmpty()) {
            return false;
        }
        return target.getIntVal() != null ? target.getIntVal().equals(port.get().getContainerPort())
                : target.getStrVal().equals(port.get().getName());
    }
}
