package org.querent.store;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * ISO-8601 UTC timestamps, to the millisecond, as stored in every table. Always three digits of milliseconds
 * ({@code 10:00:00.000Z}, where {@link Instant#toString()} writes {@code 10:00:00Z}), so that comparing the texts,
 * as ORDER BY does, compares the times.
 */
public final class Timestamps {
    private static final DateTimeFormatter FIXED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String now(Clock clock) {
        return format(Instant.now(clock));
    }

    /** The instant, truncated to the millisecond, in the fixed-width form. */
    public static String format(Instant instant) {
        return FIXED.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
