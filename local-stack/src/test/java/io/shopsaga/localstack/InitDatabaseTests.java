package io.shopsaga.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsaga.testsupport.TestInfrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Applies {@code infra/mysql/init.sql} through {@link InitDatabase} to the tests' real server, with every schema
 * and user renamed to a throwaway {@code lsNNNN_<name>} (dropped afterwards, so the server's real accounts are
 * left alone), and checks what each service's user may reach.
 */
class InitDatabaseTests {

    private static final Path INIT_SQL = Path.of("..", "infra", "mysql", "init.sql");
    private static final String PREFIX = "ls" + ThreadLocalRandom.current().nextInt(1000, 10000) + "_";
    private static final Pattern CREATED = Pattern.compile("CREATE DATABASE IF NOT EXISTS `([a-z_]+)`");

    @TempDir
    static Path workDir;

    private static Path script;

    private static List<String> schemas;

    @BeforeAll
    static void applyRenamedScript() throws Exception {
        String original = Files.readString(INIT_SQL);
        schemas = CREATED.matcher(original).results().map(match -> match.group(1)).toList();
        assertThat(schemas).contains("balance", "product", "coupon", "orders", "ranking", "dataplatform");
        String renamed = original;
        for (String schema : schemas) {
            renamed = renamed.replace("`" + schema + "`", "`" + PREFIX + schema + "`")
                    .replace("'" + schema + "'@", "'" + PREFIX + schema + "'@")
                    .replace("'" + schema + "-local'", "'" + PREFIX + schema + "-local'");
        }
        script = Files.writeString(workDir.resolve("init.sql"), renamed);
        assertThat(apply()).isEqualTo(3 * schemas.size());
    }

    @AfterAll
    static void dropThrowawaySchemasAndUsers() throws SQLException {
        if (schemas == null) {
            return;
        }
        try (Connection connection = TestInfrastructure.get().adminConnection();
                Statement statement = connection.createStatement()) {
            for (String schema : schemas) {
                statement.execute("DROP DATABASE IF EXISTS `" + PREFIX + schema + "`");
                statement.execute("DROP USER IF EXISTS '" + PREFIX + schema + "'@'%'");
            }
        }
    }

    @Test
    void everyStatementOfTheScriptIsIdempotent() throws Exception {
        for (String statement : SqlScript.statements(Files.readString(INIT_SQL))) {
            assertThat(statement).matches("(?s)(CREATE DATABASE IF NOT EXISTS|CREATE USER IF NOT EXISTS|GRANT) .*");
        }
    }

    @Test
    void serviceUserWorksInItsOwnSchema() throws SQLException {
        try (Connection connection = connectAs("balance", "balance");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE init_database_probe (id INT PRIMARY KEY)");
            statement.execute("INSERT INTO init_database_probe VALUES (1)");
            statement.execute("DROP TABLE init_database_probe");
            assertThat(single(statement, "SELECT DATABASE()")).isEqualTo(PREFIX + "balance");
        }
    }

    @Test
    void serviceUserIsRefusedOnAnotherServicesSchema() {
        // 1044 is "access denied to database"; a wrong password would be 1045.
        assertThatThrownBy(() -> connectAs("balance", "product").close())
                .isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getErrorCode()).isEqualTo(1044));
    }

    @Test
    void everyServiceUserSeesOnlyItsOwnSchema() throws SQLException {
        for (String schema : schemas) {
            try (Connection connection = connectAs(schema, schema);
                    Statement statement = connection.createStatement();
                    ResultSet databases = statement.executeQuery("SHOW DATABASES")) {
                List<String> visible = new ArrayList<>();
                while (databases.next()) {
                    visible.add(databases.getString(1));
                }
                assertThat(visible).as("schemas user %s can see", PREFIX + schema)
                        .containsExactlyInAnyOrder(PREFIX + schema, "information_schema");
            }
        }
    }

    @Test
    void canBeAppliedAgain() throws Exception {
        assertThat(apply()).isEqualTo(3 * schemas.size());
        try (Connection connection = connectAs("orders", "orders")) {
            assertThat(connection.isValid(2)).isTrue();
        }
    }

    @Test
    void reportsTheFailingStatement() throws Exception {
        Path broken = Files.writeString(workDir.resolve("broken.sql"), "SELECT 1;\nNOT SQL AT ALL;\n");
        TestInfrastructure infra = TestInfrastructure.get();
        assertThatThrownBy(() -> InitDatabase.apply(serverUrl(), infra.dbUser(), infra.dbPassword(), broken))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("[in: NOT SQL AT ALL]");
    }

    private static int apply() throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        return InitDatabase.apply(serverUrl(), infra.dbUser(), infra.dbPassword(), script);
    }

    /** The admin URL InitDatabase builds, pointed at the tests' server. */
    private static String serverUrl() {
        Matcher hostPort = Pattern.compile("jdbc:mysql://([^:/]+):(\\d+)/").matcher(TestInfrastructure.get().jdbcUrl(""));
        assertThat(hostPort.lookingAt()).as("test server URL %s", TestInfrastructure.get().jdbcUrl("")).isTrue();
        return InitDatabase.adminUrl(hostPort.group(1), Integer.parseInt(hostPort.group(2)));
    }

    private static Connection connectAs(String service, String schema) throws SQLException {
        String url = serverUrl().replace("/?", "/" + PREFIX + schema + "?");
        return DriverManager.getConnection(url, PREFIX + service, PREFIX + service + "-local");
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }
}
