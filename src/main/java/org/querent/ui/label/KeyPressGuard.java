package org.querent.ui.label;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * One decision per key press. A held key makes the platform repeat KEY_PRESSED about 30 times a
 * second; each repeat would record a decision. Repeats are ignored until the key is released (a
 * press long after the key's last event counts as new, in case the release went to another window).
 * A burst guard catches what slips through (a stuck key on another keyboard, a cat): more than
 * {@code burstLimit} decisions within {@code burstWindowMillis} pauses decisions until every key
 * has been quiet for {@link #QUIET_MILLIS}; the next press then decides again. Plain logic with a clock passed in, so it is tested without JavaFX.
 */
final class KeyPressGuard {
    /** Auto-repeat comes every 30-50 ms; a gap this long means the release was missed. */
    static final long REPEAT_GAP_MILLIS = 600;
    /** After a burst, this long without any key event resumes decisions. */
    static final long QUIET_MILLIS = 1000;

    enum Verdict { DECIDE, REPEAT, PAUSED }

    private final int burstLimit;
    private final long burstWindowMillis;
    private final Map<String, Long> held = new HashMap<>();
    private final ArrayDeque<Long> recent = new ArrayDeque<>();
    private boolean paused;
    private long lastEventMillis = Long.MIN_VALUE / 2;

    KeyPressGuard(int burstLimit, long burstWindowMillis) {
        this.burstLimit = burstLimit;
        this.burstWindowMillis = burstWindowMillis;
    }

    /** A key went down (or repeats) at {@code nowMillis}: whether it may record a decision. */
    Verdict pressed(String key, long nowMillis) {
        long quiet = nowMillis - lastEventMillis;
        lastEventMillis = nowMillis;
        Long last = held.put(key, nowMillis);
        if (last != null && nowMillis - last < REPEAT_GAP_MILLIS) {
            return Verdict.REPEAT;
        }
        if (paused) {
            if (quiet < QUIET_MILLIS) {
                return Verdict.PAUSED; // still bursting
            }
            paused = false;
            recent.clear();
        }
        while (!recent.isEmpty() && nowMillis - recent.peekFirst() > burstWindowMillis) {
            recent.removeFirst();
        }
        if (recent.size() >= burstLimit) {
            paused = true;
            return Verdict.PAUSED;
        }
        recent.addLast(nowMillis);
        return Verdict.DECIDE;
    }

    void released(String key) {
        held.remove(key);
    }

    /** The window lost focus: releases will not come. */
    void releaseAll() {
        held.clear();
    }

    boolean paused() {
        return paused;
    }

    String pauseMessage() {
        return "Paused: " + burstLimit + " decisions within " + (burstWindowMillis / 1000.0)
                + " s — is a key stuck? Release every key, wait a second, then press again to go on. Nothing more was recorded.";
    }
}
