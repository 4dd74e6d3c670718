package io.shopsaga.deploy.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.shopsaga.deploy.RepositoryRoot;
import io.shopsaga.deploy.Yamls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** The chart, rendered and linted in-process by Helm (helm-java); Surefire sets KUBECONFIG=/dev/null. */
public final class HelmChart {

    /** The chart's directory. */
    public static final Path DIRECTORY = RepositoryRoot.resolve("k8s/shopsaga");

    /** The release name and namespace of every rendering. */
    public static final String RELEASE = "shopsaga";

    /**
     * The Kubernetes version rendered for: the oldest the chart supports (Chart.yaml's kubeVersion). Without it
     * helm-java assumes v1.20, which the chart refuses.
     */
    public static final String KUBERNETES_VERSION = "1.27.0";

    private HelmChart() {
    }

    /** A values file of the chart, e.g. {@code values-prod.yaml}. */
    public static Path valuesFile(String name) {
        return DIRECTORY.resolve(name);
    }

    /** {@code helm template} of a chart with one values file over its values.yaml. */
    public static String render(Path chart, Path valuesFile) {
        return new Helm(chart).template().withName(RELEASE).withNamespace(RELEASE).withKubeVersion(KUBERNETES_VERSION)
                .withValuesFile(valuesFile).call();
    }

    /** {@code helm lint --strict} of a chart with its own values.yaml. */
    public static LintResult lint(Path chart) {
        return new Helm(chart).lint().strict().call();
    }

    /**
     * {@code helm lint --strict -f valuesFile}: helm-java's lint takes no values file, so a copy of the chart is
     * linted whose values.yaml is the original merged with the values file the way Helm merges them.
     */
    public static LintResult lint(Path chart, Path valuesFile, Path workDirectory) {
        Path copy = copy(chart, workDirectory.resolve("chart"));
        Map<String, Object> merged = mergeValues(Yamls.mapping(read(chart.resolve("values.yaml"))), Yamls.mapping(read(valuesFile)));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        write(copy.resolve("values.yaml"), new Yaml(options).dump(merged));
        return lint(copy);
    }

    /** A copy of a chart directory (tests break copies, never the chart). */
    public static Path copy(Path chart, Path target) {
        try (Stream<Path> files = Files.walk(chart)) {
            for (Path source : files.toList()) {
                Path destination = target.resolve(chart.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(source, destination);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Helm's coalescing of values: maps merge key by key, anything else in the override replaces. */
    static Map<String, Object> mergeValues(Map<String, Object> base, Map<String, Object> override) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        override.forEach((key, value) -> {
            if (value instanceof Map<?, ?> overrideMap && merged.get(key) instanceof Map<?, ?> baseMap) {
                merged.put(key, mergeValues(Yamls.cast(baseMap), Yamls.cast(overrideMap)));
            } else if (value == null) {
                merged.remove(key);
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
