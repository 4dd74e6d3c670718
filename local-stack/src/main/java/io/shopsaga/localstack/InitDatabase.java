package io.shopsaga.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Applies {@code infra/mysql/init.sql} (schemas and per-service users) to a MySQL-compatible server over JDBC,
 * statement by statement, as its admin user: a fresh laptop has a JDK but no mysql client.
 *
 * <p>Usage: {@code InitDatabase [script]} (default {@code infra/mysql/init.sql}); the server and the admin
 * account come from {@code DB_HOST} (localhost), {@code DB_PORT} (3306), {@code DB_ADMIN_USER} (root) and
 * {@code DB_ADMIN_PASSWORD} (empty).
 */
public final class InitDatabase {

    private InitDatabase() {
    }

    public static void main(String[] args) {
        Path script = Path.of(args.length > 0 ? args[0] : "infra/mysql/init.sql");
        String url = adminUrl(env("DB_HOST", "localhost"), Integer.parseInt(env("DB_PORT", "3306")));
        String user = env("DB_ADMIN_USER", "root");
        try {
            int applied = apply(url, user, env("DB_ADMIN_PASSWORD", ""), script);
            System.out.println("Applied " + applied + " statements of " + script + " to " + url + " as " + user);
        }
        catch (SQLException | IOException ex) {
            System.err.println("Could not apply " + script + " to " + url + " as " + user + ": " + ex.getMessage());
            System.exit(1);
        }
    }

    /** The JDBC URL of the server itself (no default schema), for an admin connection. */
    public static String adminUrl(String host, int port) {
        // allowPublicKeyRetrieval: MySQL 8.4's caching_sha2_password over a connection without TLS.
        return "jdbc:mysql://" + host + ":" + port + "/?allowPublicKeyRetrieval=true&connectTimeout=5000";
    }

    /** Runs every statement of {@code script} in order, stopping at the first failure; returns how many ran. */
    public static int apply(String jdbcUrl, String user, String password, Path script)
            throws SQLException, IOException {
        List<String> statements = SqlScript.statements(Files.readString(script));
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                try {
                    statement.execute(sql);
                }
                catch (SQLException ex) {
                    throw new SQLException(ex.getMessage() + " [in: " + sql + "]", ex.getSQLState(),
                            ex.getErrorCode(), ex);
                }
            }
        }
        return statements.size();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
