package io.shopsaga.ranking.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * How many days' counts are kept after their day: more than the longest window ({@link RankingRules#DAYS_MAX}), so
 * a day goes only once no ranking can ask for it.
 */
public record KeptDays(long days) {

    public KeptDays {
        if (days <= RankingRules.DAYS_MAX) {
            throw new IllegalArgumentException("days are kept at least " + (RankingRules.DAYS_MAX + 1)
                    + " days (the longest window is " + RankingRules.DAYS_MAX + ")");
        }
    }

    /** The first day still kept when it is {@code today}. */
    public LocalDate firstKeptDay(LocalDate today) {
        return today.minusDays(days);
    }

    /** The first day still kept now, by {@code clock}, in the rankings' {@code zone}. */
    public LocalDate firstKeptDay(Clock clock, ZoneId zone) {
        return firstKeptDay(LocalDate.ofInstant(clock.instant(), zone));
    }
}
