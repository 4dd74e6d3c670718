package io.shopsaga.deploy.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.LintResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelmChartTests {

    @TempDir
    Path work;

    @Test
    void lintsStrictlyWithItsOwnValues() {
        LintResult result = HelmChart.lint(HelmChart.DIRECTORY);

        assertThat(result.getMessages()).noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
        assertThat(result.isFailed()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"values-dev.yaml", "values-prod.yaml"})
    void lintsStrictlyWithEachValuesFile(String valuesFile) {
        LintResult result = HelmChart.lint(HelmChart.DIRECTORY, HelmChart.valuesFile(valuesFile), work);

        assertThat(result.getMessages()).noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
        assertThat(result.isFailed()).isFalse();
    }

    @Test
    void lintReportsATemplateThatDoesNotRender() throws Exception {
        Path broken = HelmChart.copy(HelmChart.DIRECTORY, work.resolve("broken"));
        Files.writeString(broken.resolve("templates/broken.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.nothing.here }}\n");

        LintResult result = HelmChart.lint(broken);

        assertThat(result.isFailed()).isTrue();
        assertThat(String.join("\n", result.getMessages())).contains("broken.yaml");
    }

    @Test
    void refusesAMisspeltValuesKey() throws Exception {
        Path values = work.resolve("typo.yaml");
        Files.writeString(values, "serviceDefaults:\n  replica: 3\n");

        assertThatThrownBy(() -> HelmChart.render(HelmChart.DIRECTORY, values)).hasMessageContaining("replica");
    }

    @Test
    void refusesAValueOfTheWrongType() throws Exception {
        Path values = work.resolve("type.yaml");
        Files.writeString(values, "services:\n  gateway:\n    port: \"eighty\"\n");

        assertThatThrownBy(() -> HelmChart.render(HelmChart.DIRECTORY, values)).hasMessageContaining("port");
    }

    @Test
    void refusesLocalPasswordsOutsideTheDevelopmentInfrastructure() throws Exception {
        Path values = work.resolve("local-passwords.yaml");
        Files.writeString(values, "databaseSecrets:\n  createWithLocalPasswords: true\n");

        assertThatThrownBy(() -> HelmChart.render(HelmChart.DIRECTORY, values)).hasMessageContaining("createWithLocalPasswords");
    }

    @Test
    void refusesAServiceWithoutItsDatabaseSecret() throws Exception {
        Path values = work.resolve("no-secret.yaml");
        Files.writeString(values, "services:\n  balance-service:\n    database:\n      existingSecret: \"\"\n");

        assertThatThrownBy(() -> HelmChart.render(HelmChart.DIRECTORY, values)).hasMessageContaining("existingSecret");
    }

    @Test
    void mergesValuesTheWayHelmDoes() {
        Map<String, Object> base = new LinkedHashMap<>(Map.of("a", Map.of("x", 1, "y", 2), "list", List.of(1, 2), "gone", 1));
        Map<String, Object> override = new LinkedHashMap<>(Map.of("a", Map.of("y", 3), "list", List.of(3)));
        override.put("gone", null);

        assertThat(HelmChart.mergeValues(base, override))
                .containsEntry("a", Map.of("x", 1, "y", 3)).containsEntry("list", List.of(3)).doesNotContainKey("gone");
    }
}
