package io.shopsaga.deploy.helm;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Fields that Kubernetes would not know. fabric8 keeps a misspelt field ({@code initialDelaySecond}) in the
 * object's {@code additionalProperties} instead of failing, and so would a lenient API server drop it; this walks
 * the whole typed tree and reports every such field with its path.
 */
public final class UnknownFields {

    private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";

    private UnknownFields() {
    }

    /** Every unknown field of the rendered objects, as {@code Kind/name: path.to.field}. */
    public static List<String> in(Rendering rendering) {
        List<String> problems = new ArrayList<>();
        for (Manifest manifest : rendering.manifests()) {
            walk(manifest.object(), "", manifest.id(), problems);
        }
        return problems;
    }

    private static void walk(Object node, String path, String id, List<String> problems) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> collection) {
            int index = 0;
            for (Object element : collection) {
                walk(element, path + "[" + index++ + "]", id, problems);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> walk(value, path + "." + key, id, problems));
            return;
        }
        if (!node.getClass().getName().startsWith(MODEL_PACKAGE)) {
            return;   // strings, numbers, booleans
        }
        additionalProperties(node).keySet().forEach(key -> problems.add(id + ": unknown field " + join(path, String.valueOf(key))));
        for (Class<?> type = node.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                JsonProperty property = field.getAnnotation(JsonProperty.class);
                if (property == null || Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                try {
                    walk(field.get(node), join(path, property.value().isEmpty() ? field.getName() : property.value()), id, problems);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static Map<?, ?> additionalProperties(Object node) {
        try {
            Method getter = node.getClass().getMethod("getAdditionalProperties");
            return getter.invoke(node) instanceof Map<?, ?> map ? map : Map.of();
        } catch (NoSuchMethodException e) {
            return Map.of();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
