package io.shopsaga.deploy.compose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComposeSchemaTests {

    @Test
    void repositoryComposeFileConformsToTheComposeSpecification() {
        assertThat(ComposeSchema.violations(ComposeFile.repository().document())).isEmpty();
    }

    @Test
    void rejectsAMisspelledHealthcheckKey() {
        ComposeFile broken = ComposeFile.parse("""
                services:
                  redis:
                    image: redis:7.4.5
                    healthcheck:
                      test: ["CMD", "redis-cli", "ping"]
                      intervall: 5s
                """);

        assertThat(ComposeSchema.violations(broken.document())).anyMatch(message -> message.contains("intervall"));
    }

    @Test
    void rejectsADependencyConditionComposeDoesNotKnow() {
        ComposeFile broken = ComposeFile.parse("""
                services:
                  app:
                    image: example/app:1.0.0
                    depends_on:
                      db:
                        condition: service_ready
                  db:
                    image: mysql:8.4.6
                """);

        assertThat(ComposeSchema.violations(broken.document())).anyMatch(message -> message.contains("condition"));
    }

    @Test
    void rejectsAServiceKeyOfTheWrongType() {
        ComposeFile broken = ComposeFile.parse("""
                services:
                  app:
                    image: example/app:1.0.0
                    ports: 8080
                """);

        assertThat(ComposeSchema.violations(broken.document())).anyMatch(message -> message.contains("ports"));
    }
}
