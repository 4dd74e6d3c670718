package io.shopsaga.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The checked-out repository, found from the working directory (Surefire runs in the module's directory). */
public final class RepositoryRoot {

    private static final Path ROOT = find();

    private RepositoryRoot() {
    }

    /** The repository's root directory: the one holding {@code mvnw} and {@code .mvn/}. */
    public static Path path() {
        return ROOT;
    }

    /** A path relative to the repository's root. */
    public static Path resolve(String relative) {
        return ROOT.resolve(relative);
    }

    /** The content of a file relative to the repository's root. */
    public static String read(String relative) {
        try {
            return Files.readString(resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve(".mvn"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (a directory with mvnw and .mvn/) above " + Path.of("").toAbsolutePath());
    }
}
