package org.querent.ui.team;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Stored UTC timestamps in the user's time zone, to the minute. */
final class DisplayTime {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private DisplayTime() {
    }

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    /** "today 14:05", or the day alone: short enough for a table column. */
    static String compact(String isoUtc) {
        if (isoUtc == null || isoUtc.isEmpty()) {
            return "";
        }
        try {
            var at = Instant.parse(isoUtc).atZone(ZoneId.systemDefault());
            return at.toLocalDate().equals(java.time.LocalDate.now(ZoneId.systemDefault())) ? "today " + CLOCK.format(at)
                    : DAY.format(at);
        } catch (DateTimeParseException e) {
            return isoUtc;
        }
    }

    static String of(String isoUtc) {
        if (isoUtc == null || isoUtc.isEmpty()) {
            return "";
        }
        try {
            return MINUTES.format(Instant.parse(isoUtc).atZone(ZoneId.systemDefault()));
        } catch (DateTimeParseException e) {
            return isoUtc; // shown as stored rather than hidden
        }
    }
}
