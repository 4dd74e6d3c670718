package io.shopsaga.ranking.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The sales days a ranking covers: the last {@code days} calendar days up to and including today. */
public record SalesWindow(LocalDate first, LocalDate last) {

    public SalesWindow {
        if (first.isAfter(last)) {
            throw new IllegalArgumentException("A window cannot start (" + first + ") after it ends (" + last + ")");
        }
    }

    /** The window of {@code days} days (1..30) ending with {@code today}. */
    public static SalesWindow endingOn(LocalDate today, int days) {
        RankingRules.requireValidDays(days);
        return new SalesWindow(today.minusDays(days - 1L), today);
    }

    /** Every day of the window, oldest first. */
    public List<LocalDate> days() {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(first) && !day.isAfter(last);
    }
}
