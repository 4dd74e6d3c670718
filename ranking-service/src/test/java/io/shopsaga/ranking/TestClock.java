package io.shopsaga.ranking;

import io.shopsaga.testsupport.SettableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** The service's clock in tests: stands still wherever a test puts it, in Seoul's days where a test says so. */
public final class TestClock extends SettableClock {

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    public TestClock() {
        super(Instant.now());
    }

    /** Puts the clock at {@code time} of {@code day} in Seoul. */
    public void set(LocalDate day, LocalTime time) {
        set(at(day, time));
    }

    public static Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(SEOUL).toInstant();
    }
}
