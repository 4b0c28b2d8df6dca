package org.querent.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;

/**
 * The time a new decision is given: a hybrid logical clock per item. It is the wall clock, unless the file already
 * holds a decision on the item at that time or later (made on a laptop whose clock runs ahead, and merged in, or
 * copied into a work package from a laptop whose clock runs behind): then one millisecond after the newest. So a
 * decision is always ordered after every decision on its item that its writer had seen, whatever the clocks say,
 * and the order of ADR 13 (time, then annotator, then local id) stays the same in every copy. Decisions that no
 * writer saw before the other (made at the same time in two packages) are still ordered by their clocks.
 */
final class DecisionClock {
    /**
     * The decided_at value of an INSERT, computed inside it (one statement, no round trip): three parameters, see
     * {@link #bind}. The newest is taken by julianday, which reads both widths older files wrote (10:00:00Z and
     * 10:00:00.000Z); SQLite's date arithmetic works in whole milliseconds, so "+0.001 seconds" is exact.
     */
    static final String NEXT = "(SELECT CASE WHEN n IS NULL OR ? > n THEN ? ELSE n END FROM (SELECT "
            + "strftime('%Y-%m-%dT%H:%M:%fZ', max(julianday(decided_at)), '+0.001 seconds') AS n "
            + "FROM decision WHERE item_id = ?))";

    private DecisionClock() {
    }

    /** Binds {@link #NEXT}'s parameters from index {@code at}; returns the next free index. */
    static int bind(PreparedStatement ps, int at, long itemId, Clock clock) throws SQLException {
        String now = Timestamps.now(clock);
        ps.setString(at, now);
        ps.setString(at + 1, now);
        ps.setLong(at + 2, itemId);
        return at + 3;
    }
}
