package io.shopsaga.deploy.helm;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** How the rendered services find their secrets and each other: ShopSaga's rules for configuration. */
public final class WiringRules {

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|CREDENTIAL).*");
    private static final Set<String> INFRASTRUCTURE_VARIABLES = Set.of("DB_HOST", "REDIS_HOST", "KAFKA_BOOTSTRAP_SERVERS", "DATA_PLATFORM_URL");

    private WiringRules() {
    }

    /**
     * Secret values never appear in plain configuration: no ConfigMap key and no literal env value whose name
     * looks secret; such env vars come from a Secret.
     */
    public static List<String> plainSecretProblems(Rendering rendering) {
        List<String> problems = new ArrayList<>();
        for (ConfigMap configMap : rendering.configMaps()) {
            Optional.ofNullable(configMap.getData()).orElse(Map.of()).keySet().stream()
                    .filter(key -> SECRET_NAME.matcher(key).matches())
                    .forEach(key -> problems.add("ConfigMap/" + configMap.getMetadata().getName() + ": " + key + " in plain configuration"));
        }
        for (Deployment deployment : rendering.deployments()) {
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                for (EnvVar env : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
                    boolean fromSecret = env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null;
                    if (SECRET_NAME.matcher(env.getName()).matches() && !fromSecret && !isSwitch(env)) {
                        problems.add("Deployment/" + deployment.getMetadata().getName() + " " + container.getName()
                                + ": " + env.getName() + " is not taken from a Secret");
                    }
                }
            }
        }
        return problems;
    }

    /** The Secrets the containers read that this rendering does not create itself (they must exist beforehand). */
    public static List<String> externalSecretNames(Rendering rendering) {
        Set<String> rendered = new java.util.TreeSet<>();
        rendering.secrets().forEach(s -> rendered.add(s.getMetadata().getName()));
        Set<String> external = new java.util.TreeSet<>();
        for (Deployment deployment : rendering.deployments()) {
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                for (EnvVar env : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
                    if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null
                            && !rendered.contains(env.getValueFrom().getSecretKeyRef().getName())) {
                        external.add(env.getValueFrom().getSecretKeyRef().getName());
                    }
                }
            }
        }
        return List.copyOf(external);
    }

    /**
     * Every address in the services' ConfigMaps that names no domain (a bare Service name) is a Service of the
     * rendering, on the port the URL or host:port names.
     */
    public static List<String> unresolvedAddresses(Rendering rendering) {
        List<String> problems = new ArrayList<>();
        for (ConfigMap configMap : rendering.configMaps()) {
            Map<String, String> data = Optional.ofNullable(configMap.getData()).orElse(Map.of());
            data.forEach((key, value) -> {
                for (Address address : addresses(key, value, data)) {
                    if (address.host().contains(".")) {
                        continue;   // outside the release, by DNS name
                    }
                    Optional<Service> service = rendering.find(Service.class, address.host());
                    if (service.isEmpty()) {
                        problems.add("ConfigMap/" + configMap.getMetadata().getName() + ": " + key + " names " + address.host() + ", which is no Service of the release");
                    } else if (address.port() != null && service.get().getSpec().getPorts().stream().map(ServicePort::getPort).noneMatch(address.port()::equals)) {
                        problems.add("ConfigMap/" + configMap.getMetadata().getName() + ": " + key + " names port " + address.port() + ", which Service " + address.host() + " has not");
                    }
                }
            });
        }
        return problems;
    }

    /** The infrastructure (MySQL, Redis, Kafka, the data platform) is addressed outside the release, not as its own Services. */
    public static List<String> inClusterInfrastructure(Rendering rendering, Collection<String> infrastructureNames) {
        List<String> problems = new ArrayList<>();
        for (String name : infrastructureNames) {
            if (rendering.find(Deployment.class, name).isPresent() || rendering.find(Service.class, name).isPresent()) {
                problems.add(name + ": runs inside the release");
            }
        }
        for (ConfigMap configMap : rendering.configMaps()) {
            Map<String, String> data = Optional.ofNullable(configMap.getData()).orElse(Map.of());
            data.forEach((key, value) -> {
                if (INFRASTRUCTURE_VARIABLES.contains(key)) {
                    addresses(key, value, data).stream().filter(a -> rendering.find(Service.class, a.host()).isPresent() || !a.host().contains("."))
                            .forEach(a -> problems.add("ConfigMap/" + configMap.getMetadata().getName() + ": " + key + " points at " + a.host() + " inside the cluster"));
                }
            });
        }
        return problems;
    }

    /** A host and, where the setting names one, a port. */
    record Address(String host, Integer port) {
    }

    private static List<Address> addresses(String key, String value, Map<String, String> data) {
        List<Address> addresses = new ArrayList<>();
        if (key.endsWith("_URL")) {
            URI uri = URI.create(value);
            addresses.add(new Address(uri.getHost(), uri.getPort() < 0 ? null : uri.getPort()));
        } else if (key.equals("KAFKA_BOOTSTRAP_SERVERS")) {
            for (String server : value.split(",")) {
                String[] hostPort = server.strip().split(":");
                addresses.add(new Address(hostPort[0], hostPort.length > 1 ? Integer.valueOf(hostPort[1]) : null));
            }
        } else if (key.endsWith("_HOST")) {
            String portKey = key.substring(0, key.length() - "_HOST".length()) + "_PORT";
            addresses.add(new Address(value, data.containsKey(portKey) ? Integer.valueOf(data.get(portKey)) : null));
        }
        return addresses;
    }

    /** e.g. MYSQL_RANDOM_ROOT_PASSWORD=yes: a switch, not a secret. */
    private static boolean isSwitch(EnvVar env) {
        return env.getValue() != null && Set.of("yes", "true", "no", "false").contains(env.getValue());
    }
}
