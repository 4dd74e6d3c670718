package io.shopsaga.deploy.compose;

import io.shopsaga.deploy.RepositoryRoot;
import io.shopsaga.deploy.Yamls;
import java.util.LinkedHashMap;
import java.util.Map;

/** A parsed Compose file (merge keys resolved, as Compose resolves them). */
public record ComposeFile(Map<String, Object> document) {

    /** The repository's {@code docker-compose.yml}. */
    public static ComposeFile repository() {
        return parse(RepositoryRoot.read("docker-compose.yml"));
    }

    /** A Compose file from its YAML text. */
    public static ComposeFile parse(String yaml) {
        return new ComposeFile(Yamls.mapping(yaml));
    }

    /** The services by name, in file order. */
    public Map<String, ComposeService> services() {
        Map<String, ComposeService> services = new LinkedHashMap<>();
        Yamls.child(document, "services").forEach((name, definition) -> services.put(name,
                new ComposeService(name, definition instanceof Map<?, ?> map ? Yamls.cast(map) : Map.of())));
        return services;
    }
}
