package io.shopsaga.dataplatform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.shopsaga.dataplatform.domain.AttemptResult.Answered;
import io.shopsaga.dataplatform.domain.AttemptResult.Unreachable;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTests {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(5));

    @Test
    void backsOffExponentiallyUpToTheCap() {
        assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoffAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoffAfter(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.backoffAfter(4)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.backoffAfter(60)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void retriesARetryableFailureWhileAttemptsRemain() {
        assertThat(policy.next(new Answered(500, "boom"), 1))
                .isEqualTo(new NextStep.RetryAfter(Duration.ofSeconds(1), "HTTP 500: boom", 500));
        assertThat(policy.next(new Unreachable("ConnectException"), 4))
                .isEqualTo(new NextStep.RetryAfter(Duration.ofSeconds(5), "ConnectException", null));
    }

    @Test
    void pausesAsLongAsThePlatformAskedButNoLongerThanTheLongestBackoff() {
        assertThat(policy.next(new Answered(429, "", Duration.ofSeconds(3)), 1))
                .isEqualTo(new NextStep.RetryAfter(Duration.ofSeconds(3), "HTTP 429", 429));
        assertThat(policy.next(new Answered(503, "", Duration.ofHours(2)), 1))
                .isEqualTo(new NextStep.RetryAfter(Duration.ofSeconds(5), "HTTP 503", 503));
        // Asking for less than the backoff does not shorten it.
        assertThat(policy.next(new Answered(503, "", Duration.ZERO), 3))
                .isEqualTo(new NextStep.RetryAfter(Duration.ofSeconds(4), "HTTP 503", 503));
        assertThat(policy.next(new Answered(429, "", Duration.ofSeconds(3)), 5))
                .isEqualTo(new NextStep.Failed("HTTP 429 (gave up after 5 attempts)", 429, false));
    }

    @Test
    void givesUpAfterTheLastAttemptOfTheRound() {
        assertThat(policy.next(new Unreachable("ConnectException"), 5)).isEqualTo(
                new NextStep.Failed("ConnectException (gave up after 5 attempts)", null, false));
    }

    @Test
    void failsARefusalAtOnce() {
        assertThat(policy.next(new Answered(400, "bad"), 1)).isEqualTo(new NextStep.Failed("HTTP 400: bad", 400, true));
    }

    @Test
    void deliversOnAcceptanceOrDuplicate() {
        assertThat(policy.next(new Answered(201, ""), 3)).isEqualTo(new NextStep.Delivered(201));
        assertThat(policy.next(new Answered(409, "dup"), 5)).isEqualTo(new NextStep.Delivered(409));
    }

    @Test
    void keepsErrorsToTheLogsLength() {
        NextStep next = policy.next(new Answered(500, "x".repeat(2_000)), 1);

        assertThat(((NextStep.RetryAfter) next).error()).hasSize(RetryPolicy.MAX_ERROR_LENGTH).endsWith("...");
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RetryPolicy(0, Duration.ofSeconds(1), 2, Duration.ofSeconds(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new RetryPolicy(3, Duration.ZERO, 2, Duration.ofSeconds(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), 2, Duration.ofSeconds(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(1), 0.5, Duration.ofSeconds(1)));
    }
}
