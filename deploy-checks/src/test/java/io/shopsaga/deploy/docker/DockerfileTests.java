package io.shopsaga.deploy.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsaga.deploy.RepositoryRoot;
import io.shopsaga.deploy.compose.ComposeFile;
import io.shopsaga.deploy.compose.ComposeService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DockerfileTests {

    /** Every Dockerfile under docker/ and every one that docker-compose.yml builds from. */
    private static List<String> repositoryDockerfiles() throws IOException {
        TreeSet<String> files = new TreeSet<>();
        try (Stream<Path> docker = Files.list(RepositoryRoot.resolve("docker"))) {
            docker.filter(p -> p.getFileName().toString().startsWith("Dockerfile"))
                    .forEach(p -> files.add(RepositoryRoot.path().relativize(p).toString()));
        }
        for (ComposeService service : ComposeFile.repository().services().values()) {
            if (service.isBuilt()) {
                files.add(String.valueOf(service.build().getOrDefault("dockerfile", "Dockerfile")));
            }
        }
        return List.copyOf(files);
    }

    private static String text(Dockerfile.Stage stage) {
        return stage.instructions().stream().map(i -> i.keyword() + " " + i.arguments()).collect(Collectors.joining("\n"));
    }

    private static Dockerfile dockerfile(String text) {
        return Dockerfile.parse(text);
    }

    @Test
    void everyDockerfileRunsAsANumericNonRootUserFromPinnedBases() throws IOException {
        List<String> files = repositoryDockerfiles();

        assertThat(files).contains("docker/Dockerfile");
        for (String file : files) {
            Dockerfile dockerfile = Dockerfile.parse(RepositoryRoot.read(file));
            assertThat(DockerfileRules.unpinnedBaseImages(dockerfile)).as(file).isEmpty();
            assertThat(DockerfileRules.rootUserProblems(dockerfile)).as(file).isEmpty();
            assertThat(DockerfileRules.nonNumericUser(dockerfile)).as(file).isEmpty();
        }
    }

    @Test
    void theServiceImageIsBuiltWithTheWrapperAndShipsSpringBootsLayers() {
        Dockerfile dockerfile = Dockerfile.parse(RepositoryRoot.read("docker/Dockerfile"));
        String build = text(dockerfile.stages().getFirst());
        String image = text(dockerfile.finalStage());

        assertThat(dockerfile.stages()).hasSize(2);
        assertThat(dockerfile.stages().getFirst().base()).contains("-jdk-");
        assertThat(dockerfile.finalStage().base()).contains("-jre-");
        assertThat(build).contains("ARG MODULE").contains("./mvnw").contains("-Djarmode=tools").contains("extract --layers --launcher");
        assertThat(image).contains("MaxRAMPercentage").contains("org.springframework.boot.loader.launch.JarLauncher");
    }

    @Test
    void reportsLatestMissingAndFloatingTags() {
        Dockerfile latest = dockerfile("FROM eclipse-temurin:latest\nUSER 10001\n");
        Dockerfile untagged = dockerfile("FROM eclipse-temurin AS build\nFROM build\nUSER 10001\n");
        Dockerfile floating = dockerfile("FROM --platform=linux/amd64 eclipse-temurin:25-jre-noble\nUSER 10001\n");

        assertThat(DockerfileRules.unpinnedBaseImages(latest)).containsExactly("FROM eclipse-temurin:latest: the base image is not pinned to an exact version");
        assertThat(DockerfileRules.unpinnedBaseImages(untagged)).containsExactly("FROM eclipse-temurin: the base image is not pinned to an exact version");
        assertThat(DockerfileRules.unpinnedBaseImages(floating)).containsExactly("FROM eclipse-temurin:25-jre-noble: the base image is not pinned to an exact version");
    }

    @Test
    void resolvesBaseImagesFromArgDefaultsAndAcceptsDigests() {
        Dockerfile fromArg = dockerfile("ARG JRE=eclipse-temurin:25.0.2_10-jre-noble\nFROM ${JRE}\nUSER 10001\n");
        Dockerfile fromArgWithoutDefault = dockerfile("ARG JRE\nFROM $JRE\nUSER 10001\n");
        Dockerfile byDigest = dockerfile("FROM eclipse-temurin@sha256:0123456789abcdef\nUSER 10001\n");

        assertThat(DockerfileRules.unpinnedBaseImages(fromArg)).isEmpty();
        assertThat(DockerfileRules.unpinnedBaseImages(fromArgWithoutDefault)).containsExactly("FROM $JRE: the base image depends on an ARG without a default");
        assertThat(DockerfileRules.unpinnedBaseImages(byDigest)).isEmpty();
    }

    @Test
    void reportsAnImageThatRunsAsRoot() {
        Dockerfile noUser = dockerfile("""
                FROM eclipse-temurin:25.0.2_10-jdk-noble AS build
                USER 10001
                FROM eclipse-temurin:25.0.2_10-jre-noble
                COPY --from=build /app /app
                """);
        Dockerfile backToRoot = dockerfile("""
                FROM eclipse-temurin:25.0.2_10-jre-noble
                USER 10001:10001
                RUN echo \\
                    # a comment inside a continued line
                    done
                USER 0:0
                """);

        assertThat(DockerfileRules.rootUserProblems(noUser)).containsExactly("the final stage has no USER: the image runs as root");
        assertThat(DockerfileRules.rootUserProblems(backToRoot)).containsExactly("the final stage runs as USER 0:0");
        assertThat(DockerfileRules.rootUserProblems(dockerfile("FROM ubuntu:24.04.1\nUSER root\n"))).containsExactly("the final stage runs as USER root");
    }

    @Test
    void reportsANamedUser() {
        assertThat(DockerfileRules.nonNumericUser(dockerfile("FROM ubuntu:24.04.1\nUSER shopsaga\n")))
                .containsExactly("USER shopsaga is not numeric (uid[:gid])");
    }

    @Test
    void dockerignoreKeepsBuildOutputAndHistoryOutButTheBuildInputsIn() {
        List<String> lines = RepositoryRoot.read(".dockerignore").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();

        assertThat(lines).contains("**/target", ".git", ".stack");
        assertThat(lines).noneMatch(l -> l.equals("docker") || l.startsWith("mvnw") || l.startsWith(".mvn")
                || l.contains("pom.xml") || l.equals("libs") || l.equals("*"));
    }
}
