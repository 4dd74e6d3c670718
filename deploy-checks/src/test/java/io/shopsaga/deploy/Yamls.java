package io.shopsaga.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** YAML reading for the checks: safe types only, duplicate keys refused, merge keys ({@code <<}) resolved. */
public final class Yamls {

    private Yamls() {
    }

    /** One YAML document whose top level is a mapping. */
    public static Map<String, Object> mapping(String yaml) {
        Object document = yaml().load(yaml);
        if (!(document instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("expected a YAML mapping at the top level, got " + document);
        }
        return cast(map);
    }

    /** Every non-empty document of a multi-document YAML stream. */
    public static List<Object> documents(String yaml) {
        List<Object> documents = new ArrayList<>();
        for (Object document : yaml().loadAll(yaml)) {
            if (document != null) {
                documents.add(document);
            }
        }
        return documents;
    }

    /** A nested mapping of a YAML mapping, or an empty one. */
    public static Map<String, Object> child(Map<String, Object> parent, String key) {
        return parent.get(key) instanceof Map<?, ?> map ? cast(map) : Map.of();
    }

    /** A value as a mapping (the checks treat YAML mappings as string-keyed). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options));
    }
}
