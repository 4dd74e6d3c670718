package io.shopsaga.deploy.compose;

import io.shopsaga.deploy.ImageReference;
import io.shopsaga.deploy.SystemService;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ShopSaga's rules for a Compose file, beyond the specification's schema. Each returns the problems found,
 * one readable line each; an empty list means the rule holds.
 */
public final class ComposeRules {

    /** Variables whose value is the host name of a container the service talks to. */
    private static final List<String> HOST_VARIABLES = List.of("DB_HOST", "REDIS_HOST");

    private ComposeRules() {
    }

    /** Every named container exists. */
    public static List<String> missingServices(ComposeFile compose, Collection<String> required) {
        Set<String> present = compose.services().keySet();
        return required.stream().filter(name -> !present.contains(name))
                .map(name -> name + ": missing from the Compose file").toList();
    }

    /** Every container has an enabled health check. */
    public static List<String> withoutHealthcheck(ComposeFile compose) {
        return compose.services().values().stream().filter(s -> s.healthcheckTest().isEmpty())
                .map(s -> s.name() + ": no healthcheck").toList();
    }

    /** Every container has a memory limit. */
    public static List<String> withoutMemoryLimit(ComposeFile compose) {
        return compose.services().values().stream().filter(s -> s.memoryLimit().isEmpty())
                .map(s -> s.name() + ": no memory limit (deploy.resources.limits.memory)").toList();
    }

    /**
     * Start order on health: every dependency waits for {@code service_healthy} of a container that exists and
     * has a health check; every container that a service's environment points at is one of its dependencies;
     * and the dependencies have no cycle.
     */
    public static List<String> dependencyProblems(ComposeFile compose) {
        Map<String, ComposeService> services = compose.services();
        List<String> problems = new ArrayList<>();
        for (ComposeService service : services.values()) {
            service.dependsOn().forEach((dependency, condition) -> {
                ComposeService target = services.get(dependency);
                if (target == null) {
                    problems.add(service.name() + ": depends on " + dependency + ", which does not exist");
                    return;
                }
                if (!condition.equals("service_healthy")) {
                    problems.add(service.name() + ": depends on " + dependency + " with condition " + condition
                            + " instead of service_healthy");
                }
                if (target.healthcheckTest().isEmpty()) {
                    problems.add(service.name() + ": waits for " + dependency + " to be healthy, but it has no healthcheck");
                }
            });
            for (String host : referencedHosts(service)) {
                if (services.containsKey(host) && !service.dependsOn().containsKey(host)) {
                    problems.add(service.name() + ": its environment points at " + host + ", which it does not depend on");
                }
            }
        }
        problems.addAll(cycles(services));
        return problems;
    }

    /** Only the allowed containers publish ports on the host. */
    public static List<String> publishedPortProblems(ComposeFile compose, Set<String> allowed) {
        return compose.services().values().stream()
                .filter(s -> !s.publishedPorts().isEmpty() && !allowed.contains(s.name()))
                .map(s -> s.name() + ": publishes " + s.publishedPorts() + " on the host; only " + allowed + " may")
                .toList();
    }

    /** Every pulled image is pinned to an exact release (a built one is ours). */
    public static List<String> unpinnedImages(ComposeFile compose) {
        List<String> problems = new ArrayList<>();
        for (ComposeService service : compose.services().values()) {
            if (service.isBuilt()) {
                continue;
            }
            if (service.image().isEmpty()) {
                problems.add(service.name() + ": neither an image nor a build");
            } else if (!ImageReference.parse(service.image().get()).isPinned()) {
                problems.add(service.name() + ": image " + service.image().get() + " is not pinned to an exact version");
            }
        }
        return problems;
    }

    /**
     * How each service is run: built from the shared Dockerfile with {@code MODULE} set to its module, health
     * checked on its actuator port's readiness group, and connecting as its own database user.
     */
    public static List<String> serviceWiringProblems(ComposeFile compose, Collection<SystemService> expected, String dockerfile) {
        List<String> problems = new ArrayList<>();
        for (SystemService system : expected) {
            ComposeService service = compose.services().get(system.module());
            if (service == null) {
                continue;   // reported by missingServices
            }
            String name = system.module();
            if (!dockerfile.equals(service.build().get("dockerfile"))) {
                problems.add(name + ": not built from " + dockerfile + " (build.dockerfile: " + service.build().get("dockerfile") + ")");
            }
            if (!name.equals(service.buildArgs().get("MODULE"))) {
                problems.add(name + ": build arg MODULE is " + service.buildArgs().get("MODULE") + ", not " + name);
            }
            String test = String.join(" ", service.healthcheckTest());
            if (!test.contains(String.valueOf(system.actuatorPort())) || !test.contains("/actuator/health/readiness")) {
                problems.add(name + ": healthcheck [" + test + "] does not probe /actuator/health/readiness on port "
                        + system.actuatorPort());
            }
            Map<String, String> env = service.environment();
            system.database().ifPresentOrElse(
                    schema -> {
                        if (!schema.equals(env.get("DB_USER"))) {
                            problems.add(name + ": DB_USER is " + env.get("DB_USER") + ", not its own user " + schema);
                        }
                        if (!env.containsKey("DB_HOST")) {
                            problems.add(name + ": no DB_HOST");
                        }
                    },
                    () -> {
                        if (env.containsKey("DB_USER") || env.containsKey("DB_PASSWORD")) {
                            problems.add(name + ": has database credentials but no database");
                        }
                    });
        }
        return problems;
    }

    /** Peer URLs name a service of the file on that service's own port. */
    public static List<String> peerUrlProblems(ComposeFile compose, Collection<SystemService> expected) {
        List<String> problems = new ArrayList<>();
        for (ComposeService service : compose.services().values()) {
            for (SystemService peer : expected) {
                String url = service.environment().get(peer.urlVariable());
                if (url == null) {
                    continue;
                }
                URI uri = URI.create(url);
                if (!peer.module().equals(uri.getHost()) || uri.getPort() != peer.port()) {
                    problems.add(service.name() + ": " + peer.urlVariable() + "=" + url + " is not http://" + peer.module() + ":" + peer.port());
                }
            }
        }
        return problems;
    }

    /** The container names that a service's environment points at (DB_HOST, REDIS_HOST, Kafka, any *_URL). */
    static Set<String> referencedHosts(ComposeService service) {
        Set<String> hosts = new HashSet<>();
        service.environment().forEach((key, value) -> {
            if (HOST_VARIABLES.contains(key)) {
                hosts.add(value);
            } else if (key.equals("KAFKA_BOOTSTRAP_SERVERS")) {
                for (String server : value.split(",")) {
                    hosts.add(server.strip().replaceFirst(":\\d+$", ""));
                }
            } else if (key.endsWith("_URL") && value.contains("://")) {
                String host = URI.create(value).getHost();
                if (host != null) {
                    hosts.add(host);
                }
            }
        });
        return hosts;
    }

    private static List<String> cycles(Map<String, ComposeService> services) {
        List<String> problems = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String start : services.keySet()) {
            findCycle(start, services, new ArrayList<>(), done, problems);
        }
        return problems;
    }

    private static void findCycle(String name, Map<String, ComposeService> services, List<String> path,
                                  Set<String> done, List<String> problems) {
        if (path.contains(name)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
            cycle.add(name);
            problems.add("dependency cycle: " + String.join(" -> ", cycle));
            return;
        }
        if (done.contains(name) || !services.containsKey(name)) {
            return;
        }
        path.add(name);
        for (String dependency : services.get(name).dependsOn().keySet()) {
            findCycle(dependency, services, path, done, problems);
        }
        path.removeLast();
        done.add(name);
    }
}
