package io.shopsaga.deploy.compose;

import io.shopsaga.deploy.Yamls;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One service of a Compose file, with the accessors the rules need (short and long syntaxes alike). */
public record ComposeService(String name, Map<String, Object> definition) {

    /** The image it runs, if named. */
    public Optional<String> image() {
        return Optional.ofNullable(definition.get("image")).map(String::valueOf);
    }

    /** Built from a Dockerfile rather than pulled. */
    public boolean isBuilt() {
        return definition.containsKey("build");
    }

    /** The build section (long syntax), or empty. */
    public Map<String, Object> build() {
        return Yamls.child(definition, "build");
    }

    /** The build arguments, from the mapping or the list syntax. */
    public Map<String, String> buildArgs() {
        return keyValues(build().get("args"));
    }

    /** The health check's command, or empty when there is none or it is disabled. */
    public List<String> healthcheckTest() {
        Map<String, Object> healthcheck = Yamls.child(definition, "healthcheck");
        if (Boolean.TRUE.equals(healthcheck.get("disable"))) {
            return List.of();
        }
        Object test = healthcheck.get("test");
        List<String> command = new ArrayList<>();
        if (test instanceof List<?> list) {
            list.forEach(part -> command.add(String.valueOf(part)));
        } else if (test != null) {
            command.addAll(List.of("CMD-SHELL", String.valueOf(test)));
        }
        return command.isEmpty() || command.getFirst().equals("NONE") ? List.of() : command;
    }

    /** The memory limit, from {@code deploy.resources.limits.memory} or {@code mem_limit}. */
    public Optional<String> memoryLimit() {
        Object deployed = Yamls.child(Yamls.child(Yamls.child(definition, "deploy"), "resources"), "limits").get("memory");
        Object legacy = definition.get("mem_limit");
        return Optional.ofNullable(deployed != null ? deployed : legacy).map(String::valueOf);
    }

    /** Its dependencies and their conditions; the list syntax means {@code service_started}. */
    public Map<String, String> dependsOn() {
        Map<String, String> dependencies = new LinkedHashMap<>();
        Object dependsOn = definition.get("depends_on");
        if (dependsOn instanceof List<?> list) {
            list.forEach(name -> dependencies.put(String.valueOf(name), "service_started"));
        } else if (dependsOn instanceof Map<?, ?> map) {
            map.forEach((name, options) -> {
                Object condition = options instanceof Map<?, ?> o ? o.get("condition") : null;
                dependencies.put(String.valueOf(name), condition == null ? "service_started" : String.valueOf(condition));
            });
        }
        return dependencies;
    }

    /** Its environment, from the mapping or the {@code KEY=value} list syntax. */
    public Map<String, String> environment() {
        return keyValues(definition.get("environment"));
    }

    /** The ports it publishes on the host, as written (short syntax) or as {@code published:target} (long). */
    public List<String> publishedPorts() {
        List<String> ports = new ArrayList<>();
        if (definition.get("ports") instanceof List<?> list) {
            for (Object port : list) {
                if (port instanceof Map<?, ?> map) {
                    ports.add(map.get("published") + ":" + map.get("target"));
                } else {
                    ports.add(String.valueOf(port));
                }
            }
        }
        return ports;
    }

    private static Map<String, String> keyValues(Object value) {
        Map<String, String> result = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> result.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else if (value instanceof List<?> list) {
            for (Object entry : list) {
                String text = String.valueOf(entry);
                int equals = text.indexOf('=');
                result.put(equals < 0 ? text : text.substring(0, equals), equals < 0 ? "" : text.substring(equals + 1));
            }
        }
        return result;
    }
}
