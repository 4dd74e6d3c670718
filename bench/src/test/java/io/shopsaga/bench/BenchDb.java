package io.shopsaga.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Read-only SQL against a service's own schema, as that service's user, for the exact checks after a run:
 * what the API says is compared with what the owning service stored. {@code -DdbHost} / {@code -DdbPort} point
 * elsewhere than 127.0.0.1:3306; each schema's user and password are the local-development ones
 * ({@code <schema>} / {@code <schema>-local}, see infra/mysql/init.sql) unless {@code -D<schema>DbPassword} says otherwise.
 */
public final class BenchDb {

    private static final String HOST = System.getProperty("dbHost", "127.0.0.1");
    private static final int PORT = Integer.getInteger("dbPort", 3306);

    private BenchDb() {
    }

    /** Every row of {@code sql} (with {@code args} bound in order), each as its columns' values. */
    public static List<Object[]> query(String schema, String sql, Object... args) {
        String url = "jdbc:mysql://" + HOST + ":" + PORT + "/" + schema;
        String password = System.getProperty(schema + "DbPassword", schema + "-local");
        try (Connection db = DriverManager.getConnection(url, schema, password);
                PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = rs.getObject(c + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Cannot query schema " + schema + " at " + url + ": " + ex.getMessage(), ex);
        }
    }

    /** The single number {@code sql} answers. */
    public static long number(String schema, String sql, Object... args) {
        Object value = query(schema, sql, args).getFirst()[0];
        return value == null ? 0 : ((Number) value).longValue();
    }
}
