package io.shopsaga.ranking.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Reusing an answer for a short while, and never a refused (degraded) one. */
class RecentAnswersTests {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final AtomicInteger computed = new AtomicInteger();

    private String compute() {
        return "answer " + computed.incrementAndGet();
    }

    @Test
    void reusesAnAnswerWithinTheTtlAndComputesAgainAfterIt() {
        RecentAnswers<String, String> answers = new RecentAnswers<>(Duration.ofSeconds(1), nanos::get, a -> true);

        assertThat(answers.get("top5", this::compute)).isEqualTo("answer 1");
        nanos.addAndGet(Duration.ofMillis(999).toNanos());
        assertThat(answers.get("top5", this::compute)).isEqualTo("answer 1");
        assertThat(answers.get("top10", this::compute)).isEqualTo("answer 2");
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(answers.get("top5", this::compute)).isEqualTo("answer 3");
        assertThat(computed).hasValue(3);
    }

    @Test
    void neverReusesAnAnswerItIsToldNotToKeep() {
        RecentAnswers<String, String> answers = new RecentAnswers<>(Duration.ofSeconds(1), nanos::get,
                a -> !a.equals("answer 1"));

        assertThat(answers.get("top5", this::compute)).isEqualTo("answer 1");
        assertThat(answers.get("top5", this::compute)).isEqualTo("answer 2");
        assertThat(answers.get("top5", this::compute)).isEqualTo("answer 2");
    }

    @Test
    void aZeroTtlComputesEveryTime() {
        RecentAnswers<String, String> answers = new RecentAnswers<>(Duration.ZERO, nanos::get, a -> true);

        answers.get("top5", this::compute);
        answers.get("top5", this::compute);

        assertThat(computed).hasValue(2);
    }
}
