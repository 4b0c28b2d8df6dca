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
