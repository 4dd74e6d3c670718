package io.shopsaga.deploy.helm;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One rendered object, parsed into fabric8's typed model (a wrong type fails the parse).
 *
 * @param source the template it came from ({@code # Source:} line of helm template), or "" when unknown
 * @param object the typed object; a {@link GenericKubernetesResource} when fabric8 has no type for its kind
 */
public record Manifest(String source, HasMetadata object) {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
    private static final Pattern SOURCE = Pattern.compile("(?m)^# Source: (.+)$");

    /** Every object of a multi-document YAML stream, such as helm template's output. */
    public static List<Manifest> parseAll(String yaml) {
        List<Manifest> manifests = new ArrayList<>();
        for (String document : DOCUMENT_SEPARATOR.split(yaml)) {
            if (document.lines().allMatch(line -> line.isBlank() || line.strip().startsWith("#"))) {
                continue;
            }
            var source = SOURCE.matcher(document);
            KubernetesResource resource = SERIALIZATION.unmarshal(document);
            if (!(resource instanceof HasMetadata object)) {
                throw new IllegalArgumentException("not a Kubernetes object: " + document);
            }
            manifests.add(new Manifest(source.find() ? source.group(1) : "", object));
        }
        return manifests;
    }

    /** {@code apiVersion/kind}, e.g. {@code apps/v1/Deployment}. */
    public String type() {
        return object.getApiVersion() + "/" + object.getKind();
    }

    /** {@code Kind/name}, for messages. */
    public String id() {
        return object.getKind() + "/" + object.getMetadata().getName();
    }

    /** The object's name. */
    public String name() {
        return object.getMetadata().getName();
    }
}
