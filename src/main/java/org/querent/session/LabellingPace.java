package org.querent.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How fast an annotator works: decisions in the last hour and a rate over active time only, so a lunch
 * break does not halve the figure.
 *
 * @param lastHour   decisions made in the hour before now
 * @param perHour    decisions per hour of active time, or null while there is too little to tell
 * @param activeTime the sum of the gaps between decisions that are at most {@link #MAX_GAP}
 */
public record LabellingPace(int lastHour, Double perHour, Duration activeTime) {
    /** A longer pause between two decisions is a break, not work. */
    public static final Duration MAX_GAP = Duration.ofMinutes(10);
    /** Below this much active time a rate is noise (three quick clicks are not 2,000 an hour). */
    static final Duration MIN_ACTIVE = Duration.ofMinutes(1);

    public static final LabellingPace NONE = new LabellingPace(0, null, Duration.ZERO);

    /** Computes the pace from decision times (any order). */
    public static LabellingPace of(List<Instant> decisionTimes, Instant now) {
        List<Instant> times = new ArrayList<>(decisionTimes);
        times.sort(null);
        Instant hourAgo = now.minus(Duration.ofHours(1));
        int lastHour = (int) times.stream().filter(t -> t.isAfter(hourAgo) && !t.isAfter(now)).count();
        Duration active = Duration.ZERO;
        int paced = 0; // decisions that followed the previous one within MAX_GAP
        for (int i = 1; i < times.size(); i++) {
            Duration gap = Duration.between(times.get(i - 1), times.get(i));
            if (gap.compareTo(MAX_GAP) <= 0) {
                active = active.plus(gap);
                paced++;
            }
        }
        Double perHour = active.compareTo(MIN_ACTIVE) < 0 ? null : paced * 3_600_000.0 / active.toMillis();
        return new LabellingPace(lastHour, perHour, active);
    }
}
