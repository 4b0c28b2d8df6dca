package org.querent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LauncherCachesTest {
    @Test
    void windowsCachesGoToLocalAppData() {
        assertEquals(Optional.of(Path.of("C:/Users/a/AppData/Local", "Querent", "cache")),
                Launcher.platformCacheDir("Windows 11", Map.of("LOCALAPPDATA", "C:/Users/a/AppData/Local"), "C:/Users/a"));
    }

    @Test
    void macCachesGoToLibraryCaches() {
        assertEquals(Optional.of(Path.of("/Users/a", "Library", "Caches", "Querent")),
                Launcher.platformCacheDir("Mac OS X", Map.of(), "/Users/a"));
    }

    @Test
    void linuxKeepsTheXdgCache() {
        assertTrue(Launcher.platformCacheDir("Linux", Map.of(), "/home/a").isEmpty());
    }

    @Test
    void onlyProjectFilesAndSampleOpenTheWorkstation() {
        assertTrue(Launcher.opensWorkstation(new String[0]));
        assertTrue(Launcher.opensWorkstation(new String[] {"/data/x.querent"}));
        assertTrue(Launcher.opensWorkstation(new String[] {"--sample"}));
        assertEquals(false, Launcher.opensWorkstation(new String[] {"status", "x.querent"}));
        assertEquals(false, Launcher.opensWorkstation(new String[] {"--version"}));
    }
}
