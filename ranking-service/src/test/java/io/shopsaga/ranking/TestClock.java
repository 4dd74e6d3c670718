package io.shopsaga.ranking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The service's clock in tests: stands still wherever a test puts it. */
public final class TestClock extends Clock {

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private volatile Instant now = Instant.now();

    public void set(Instant instant) {
        now = instant;
    }

    /** Puts the clock at {@code time} of {@code day} in Seoul. */
    public void set(LocalDate day, LocalTime time) {
        now = at(day, time);
    }

    public static Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(SEOUL).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
