package io.shopsaga.defaults.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class SqlRowsTests {

    @Test
    void repeatsTheRowCommaSeparated() {
        assertThat(SqlRows.repeat("(?, ?, 'PENDING')", 3)).isEqualTo("(?, ?, 'PENDING'), (?, ?, 'PENDING'), (?, ?, 'PENDING')");
        assertThat(SqlRows.repeat("?", 1)).isEqualTo("?");
    }

    @Test
    void refusesAStatementWithoutRows() {
        assertThatIllegalArgumentException().isThrownBy(() -> SqlRows.repeat("(?)", 0));
    }
}
