package org.querent.ui.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeyPressGuardTest {
    @Test
    void repeatsOfAHeldKeyAreIgnoredUntilItIsReleased() {
        KeyPressGuard guard = new KeyPressGuard(12, 3000);
        assertEquals(KeyPressGuard.Verdict.DECIDE, guard.pressed("Space", 0));
        for (long t = 33; t < 2000; t += 33) {
            assertEquals(KeyPressGuard.Verdict.REPEAT, guard.pressed("Space", t));
        }
        guard.released("Space");
        assertEquals(KeyPressGuard.Verdict.DECIDE, guard.pressed("Space", 2100));
    }

    @Test
    void aPressLongAfterAMissedReleaseCountsAsNew() {
        KeyPressGuard guard = new KeyPressGuard(12, 3000);
        guard.pressed("1", 0);
        assertEquals(KeyPressGuard.Verdict.DECIDE, guard.pressed("1", 5000));
    }

    @Test
    void aBurstOfDistinctPressesPausesUntilAFreshPressWithAllKeysUp() {
        KeyPressGuard guard = new KeyPressGuard(12, 3000);
        int decided = 0;
        for (int i = 0; i < 40; i++) {
            // A stuck key on a second keyboard: press/release pairs 20 ms apart.
            if (guard.pressed("1", i * 20L) == KeyPressGuard.Verdict.DECIDE) {
                decided++;
            }
            if (i != 20) {
                guard.released("1");
            }
        }
        assertEquals(12, decided, "the 13th decision within 3 s pauses");
        assertTrue(guard.paused());
        guard.released("1");
        assertEquals(KeyPressGuard.Verdict.DECIDE, guard.pressed("2", 5000), "a fresh press resumes");
    }

    @Test
    void aPersonLabellingBrisklyIsNeverPaused() {
        KeyPressGuard guard = new KeyPressGuard(12, 3000);
        for (int i = 0; i < 200; i++) {
            assertEquals(KeyPressGuard.Verdict.DECIDE, guard.pressed("Enter", i * 300L));
            guard.released("Enter");
        }
    }
}
