package io.shopsaga.dataplatform.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsaga.dataplatform.domain.AttemptResult.Answered;
import io.shopsaga.dataplatform.domain.AttemptResult.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttemptResultTests {

    @ParameterizedTest
    @CsvSource({
            "200, DELIVERED", "201, DELIVERED", "202, DELIVERED", "204, DELIVERED", "409, DELIVERED",
            "400, PERMANENT", "401, PERMANENT", "403, PERMANENT", "404, PERMANENT", "413, PERMANENT", "422, PERMANENT",
            "408, RETRYABLE", "429, RETRYABLE", "500, RETRYABLE", "502, RETRYABLE", "503, RETRYABLE", "504, RETRYABLE",
            "301, RETRYABLE", "302, RETRYABLE"})
    void judgesAnAnswerByItsStatus(int status, Verdict verdict) {
        assertThat(new Answered(status, "").verdict()).isEqualTo(verdict);
    }

    @Test
    void anAbsentAnswerIsWorthRetrying() {
        AttemptResult refused = new AttemptResult.Unreachable("ConnectException");

        assertThat(refused.verdict()).isEqualTo(Verdict.RETRYABLE);
        assertThat(refused.httpStatus()).isNull();
        assertThat(refused.describe()).isEqualTo("ConnectException");
    }

    @Test
    void describesAnAnswerWithTheStartOfItsBody() {
        assertThat(new Answered(503, "").describe()).isEqualTo("HTTP 503");
        assertThat(new Answered(400, " {\"error\":\"x\"} ").describe()).isEqualTo("HTTP 400: {\"error\":\"x\"}");
    }
}
