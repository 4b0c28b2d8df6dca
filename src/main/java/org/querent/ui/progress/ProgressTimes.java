package org.querent.ui.progress;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Stored UTC timestamps shown in the user's time zone, to the minute. */
final class ProgressTimes {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ProgressTimes() {
    }

    static String local(String isoUtc) {
        try {
            return isoUtc == null ? "" : MINUTES.format(Instant.parse(isoUtc).atZone(ZoneId.systemDefault()));
        } catch (DateTimeParseException e) {
            return isoUtc;
        }
    }
}
