package io.shopsaga.deploy.helm;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Renderings of the repository's chart, each made once per test run (rendering is the slow part). */
final class Renderings {

    /** Every values file a deployment uses; values.yaml alone is what `helm install` without -f gets. */
    static final List<String> VALUES_FILES = List.of("values.yaml", "values-dev.yaml", "values-prod.yaml");

    private static final Map<String, Rendering> CACHE = new ConcurrentHashMap<>();

    private Renderings() {
    }

    static Rendering of(String valuesFile) {
        return CACHE.computeIfAbsent(valuesFile, Rendering::of);
    }

    static Rendering dev() {
        return of("values-dev.yaml");
    }

    static Rendering prod() {
        return of("values-prod.yaml");
    }

    /** A rendering without the objects of one type and name. */
    static Rendering without(Rendering rendering, String kind, String name) {
        return new Rendering(rendering.valuesFile(), rendering.manifests().stream()
                .filter(m -> !(m.object().getKind().equals(kind) && m.name().equals(name))).toList());
    }
}
