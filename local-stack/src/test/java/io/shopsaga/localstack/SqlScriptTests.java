package io.shopsaga.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Splitting init scripts into statements the way a mysql client would for DDL. */
class SqlScriptTests {

    @Test
    void splitsAtSemicolonsAndDropsComments() {
        String script = """
                -- a comment; with a semicolon
                CREATE DATABASE IF NOT EXISTS `a`;
                # another comment
                CREATE USER IF NOT EXISTS 'a'@'%' IDENTIFIED BY 'a-local'; /* block; comment */
                GRANT ALL PRIVILEGES ON `a`.* TO 'a'@'%'
                """;

        assertThat(SqlScript.statements(script)).containsExactly(
                "CREATE DATABASE IF NOT EXISTS `a`",
                "CREATE USER IF NOT EXISTS 'a'@'%' IDENTIFIED BY 'a-local'",
                "GRANT ALL PRIVILEGES ON `a`.* TO 'a'@'%'");
    }

    @Test
    void keepsSemicolonsAndCommentMarkersInsideQuotes() {
        String script = "INSERT INTO t VALUES ('x;y', 'it''s -- fine', \"#1\", 'a\\'b;');SELECT `odd;name` FROM t;";

        assertThat(SqlScript.statements(script)).containsExactly(
                "INSERT INTO t VALUES ('x;y', 'it''s -- fine', \"#1\", 'a\\'b;')",
                "SELECT `odd;name` FROM t");
    }

    @Test
    void treatsDoubleDashWithoutSpaceAsAnOperator() {
        assertThat(SqlScript.statements("SELECT 1--1;")).containsExactly("SELECT 1--1");
    }

    @Test
    void refusesAnUnterminatedQuote() {
        assertThatThrownBy(() -> SqlScript.statements("CREATE USER 'a@'%';"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unterminated");
    }

    @Test
    void refusesAnUnterminatedBlockComment() {
        assertThatThrownBy(() -> SqlScript.statements("SELECT 1; /* never closed"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unterminated");
    }

    @Test
    void ignoresEmptyStatementsAndATrailingCommentWithoutNewline() {
        assertThat(SqlScript.statements(";;\n  SELECT 1 ;\n;-- done")).containsExactly("SELECT 1");
    }

    @Test
    void keepsMultiLineStatementsWhole() {
        assertThat(SqlScript.statements("CREATE TABLE t (\n  id INT,\n  name VARCHAR(10)\n);"))
                .containsExactly("CREATE TABLE t (\n  id INT,\n  name VARCHAR(10)\n)");
    }
}
