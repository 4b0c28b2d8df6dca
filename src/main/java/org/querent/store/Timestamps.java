package org.querent.store;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** ISO-8601 UTC timestamps, to the millisecond, as stored in every table. */
public final class Timestamps {
    private Timestamps() {
    }

    public static String now(Clock clock) {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
