package org.querent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The sessions setting: one by default (with every core), a whole number when given, a clear message otherwise. */
class SessionsSettingTest {
    @Test
    void defaultsToOneSessionWithEveryCore() {
        assertEquals(1, RuntimeOptions.sessionsSetting(null, 2));
        assertEquals(1, RuntimeOptions.sessionsSetting(" ", 8));
        assertEquals(3, RuntimeOptions.sessionsSetting("3", 2));
        RuntimeOptions defaults = RuntimeOptions.defaults();
        assertTrue(defaults.sessions() >= 1);
        assertEquals(Math.max(1, Runtime.getRuntime().availableProcessors() / defaults.sessions()), defaults.intraOpThreads());
    }

    @Test
    void refusesWhatIsNotANumberOfSessions() {
        for (String bad : new String[] {"0", "-1", "two", "65", "1.5"}) {
            org.querent.common.QuerentException e = assertThrows(org.querent.common.QuerentException.class,
                    () -> RuntimeOptions.sessionsSetting(bad, 2));
            assertTrue(e.getMessage().contains("-Dquerent.sessions=" + bad) && e.getMessage().contains("from 1 to 64"),
                    e.getMessage());
        }
    }
}
