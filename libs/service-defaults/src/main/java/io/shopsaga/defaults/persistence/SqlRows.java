package io.shopsaga.defaults.persistence;

import java.util.Collections;

/**
 * The row list of a multi-row statement with positional parameters: {@code repeat("(?, ?, 'PENDING')", 3)} is
 * {@code "(?, ?, 'PENDING'), (?, ?, 'PENDING'), (?, ?, 'PENDING')"}. The caller binds the rows' values in order, so
 * one statement writes a whole batch (and MySQL locks its rows in the order given).
 */
public final class SqlRows {

    private SqlRows() {
    }

    /** {@code row} {@code count} times, comma-separated; {@code count} must be at least 1. */
    public static String repeat(String row, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("A statement needs at least one row, not " + count);
        }
        return String.join(", ", Collections.nCopies(count, row));
    }
}
