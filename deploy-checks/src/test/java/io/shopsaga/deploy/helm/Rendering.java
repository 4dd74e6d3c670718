package io.shopsaga.deploy.helm;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The objects of one rendering of the chart, with typed look-ups. */
public record Rendering(String valuesFile, List<Manifest> manifests) {

    /**
     * Renders the repository's chart with one of its values files; the output is also written to
     * deploy-checks/target/rendered/ for reading.
     */
    public static Rendering of(String valuesFile) {
        String yaml = HelmChart.render(HelmChart.DIRECTORY, HelmChart.valuesFile(valuesFile));
        Path output = Path.of("target", "rendered", valuesFile);
        try {
            Files.createDirectories(output.getParent());
            Files.writeString(output, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Rendering(valuesFile, Manifest.parseAll(yaml));
    }

    /** Parses given YAML as if the chart had rendered it (the negative tests' broken documents). */
    public static Rendering parse(String yaml) {
        return new Rendering("test document", Manifest.parseAll(yaml));
    }

    /** Every object of a type. */
    public <T extends HasMetadata> List<T> all(Class<T> type) {
        return manifests.stream().map(Manifest::object).filter(type::isInstance).map(type::cast).toList();
    }

    /** The object of a type and name. */
    public <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst();
    }

    /** The Deployments. */
    public List<Deployment> deployments() {
        return all(Deployment.class);
    }

    /** The Services. */
    public List<Service> services() {
        return all(Service.class);
    }

    /** The ConfigMaps. */
    public List<ConfigMap> configMaps() {
        return all(ConfigMap.class);
    }

    /** The Secrets. */
    public List<Secret> secrets() {
        return all(Secret.class);
    }
}
