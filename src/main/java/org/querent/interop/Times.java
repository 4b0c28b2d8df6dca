package org.querent.interop;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Times in the shape Querent stores them ("2026-12-01T10:00:00.123Z"), read by hand: {@code Instant.parse} and
 * {@code OffsetDateTime.parse} cost about 6 us a row, most of a 50,000-row export or import.
 */
final class Times {
    private Times() {
    }

    /** The instant of a "yyyy-MM-ddTHH:mm:ss[.fff...]Z" time, or null for any other shape. */
    static Instant utc(String iso) {
        int n = iso.length();
        if (n < 20 || iso.charAt(4) != '-' || iso.charAt(7) != '-' || iso.charAt(10) != 'T' || iso.charAt(13) != ':'
                || iso.charAt(16) != ':' || iso.charAt(n - 1) != 'Z' || (n > 20 && iso.charAt(19) != '.')) {
            return null;
        }
        try {
            long day = LocalDate.of(Integer.parseInt(iso, 0, 4, 10), Integer.parseInt(iso, 5, 7, 10),
                    Integer.parseInt(iso, 8, 10, 10)).toEpochDay();
            int hour = Integer.parseInt(iso, 11, 13, 10);
            int minute = Integer.parseInt(iso, 14, 16, 10);
            int second = Integer.parseInt(iso, 17, 19, 10);
            if (hour > 23 || minute > 59 || second > 59) {
                return null;
            }
            long nanos = 0;
            if (n > 20) {
                String fraction = iso.substring(20, n - 1);
                if (fraction.isEmpty() || fraction.length() > 9) {
                    return null;
                }
                nanos = Long.parseLong(fraction) * (long) Math.pow(10, 9 - fraction.length());
            }
            return Instant.ofEpochSecond(day * 86_400 + hour * 3600L + minute * 60L + second, nanos);
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    static long epochSeconds(String iso) {
        Instant fast = utc(iso);
        return fast != null ? fast.getEpochSecond() : Instant.parse(iso).getEpochSecond();
    }
}
