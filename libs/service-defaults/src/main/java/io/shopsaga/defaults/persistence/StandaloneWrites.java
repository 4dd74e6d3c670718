package io.shopsaga.defaults.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a write that needs no transaction of its own (marking relayed rows, recording an answer) so that it is
 * committed whatever the pool's commit mode. Where the pool's connections auto-commit (Hikari's default) the write runs
 * as it is, one statement, one commit. Where they do not ({@code spring.datasource.hikari.auto-commit=false}, which
 * spares every transaction the {@code SET autocommit} round trips before and after it) the write runs in a
 * transaction, or joins the caller's: the pool rolls back whatever a connection handed back has not committed.
 *
 * <p>The mode is read from the first connection asked for, once.
 */
public class StandaloneWrites {

    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private volatile Boolean autoCommit;

    public StandaloneWrites(DataSource dataSource, TransactionTemplate transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    public <T> T run(Supplier<T> write) {
        return autoCommit() ? write.get() : transactions.execute(status -> write.get());
    }

    /** Whether the pool's connections commit every statement by themselves. */
    public boolean autoCommit() {
        Boolean known = autoCommit;
        if (known == null) {
            try (Connection connection = dataSource.getConnection()) {
                known = connection.getAutoCommit();
            }
            catch (SQLException ex) {
                throw new CannotGetJdbcConnectionException("Could not read the pool's commit mode", ex);
            }
            autoCommit = known;
        }
        return known;
    }
}
