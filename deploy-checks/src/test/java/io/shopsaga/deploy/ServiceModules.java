package io.shopsaga.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The Maven modules of the repository that are runnable services: a module directory (with a pom.xml) whose
 * {@code src/main/java} holds a {@code *Application.java} annotated {@code @SpringBootApplication}.
 */
public final class ServiceModules {

    private ServiceModules() {
    }

    /** The directory names of the service modules under a repository root, sorted. */
    public static List<String> in(Path root) {
        TreeSet<String> modules = new TreeSet<>();
        try (Stream<Path> poms = Files.walk(root, 3)) {
            poms.filter(p -> p.getFileName().toString().equals("pom.xml"))
                    .map(Path::getParent)
                    .filter(dir -> !dir.equals(root))
                    .filter(dir -> !dir.toString().contains("/target/") && !dir.toString().contains("/.stack/"))
                    .filter(ServiceModules::hasApplicationClass)
                    .forEach(dir -> modules.add(dir.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(modules);
    }

    private static boolean hasApplicationClass(Path module) {
        Path sources = module.resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(f -> f.getFileName().toString().endsWith("Application.java"))
                    .anyMatch(ServiceModules::isSpringBootApplication);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isSpringBootApplication(Path source) {
        try {
            return Files.readString(source).contains("@SpringBootApplication");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
