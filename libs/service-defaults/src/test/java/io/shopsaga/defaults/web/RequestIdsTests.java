package io.shopsaga.defaults.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTests {

    @ParameterizedTest
    @ValueSource(strings = {"a", "abc-123_X.y", "0123456789012345678901234567890123456789012345678901234567890123"})
    void keepsAWellFormedClientId(String id) {
        assertThat(RequestIds.accept(id)).isEqualTo(id);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "has space", "new\nline", "01234567890123456789012345678901234567890123456789012345678901234"})
    void replacesAMissingOrMalformedIdWithAFreshOne(String id) {
        String accepted = RequestIds.accept(id);

        assertThat(accepted).isNotEqualTo(id).matches("[0-9a-f-]{36}");
        assertThat(RequestIds.accept(id)).isNotEqualTo(accepted);
    }
}
