package org.querent.ui.settings;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Per-user folders in each platform's usual place, never in the install folder: settings in the config
 * folder, sample projects and other data in the data folder. Overridable with -Dquerent.home (tests).
 */
public final class UserDirectories {
    private UserDirectories() {
    }

    public static Path config() {
        return folder("config", "APPDATA", "AppData/Roaming", "XDG_CONFIG_HOME", ".config");
    }

    public static Path data() {
        return folder("data", "LOCALAPPDATA", "AppData/Local", "XDG_DATA_HOME", ".local/share");
    }

    /** The platform's folder of a kind: Windows app data, macOS Application Support, or the XDG folder. */
    private static Path folder(String kind, String windowsVariable, String windowsFallback, String xdgVariable,
                               String xdgFallback) {
        String home = System.getProperty("querent.home");
        if (home != null) {
            return Path.of(home, kind);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path user = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String windows = System.getenv(windowsVariable);
            return windows != null ? Path.of(windows, "Querent") : user.resolve(windowsFallback).resolve("Querent");
        }
        if (os.contains("mac")) {
            return user.resolve("Library/Application Support/Querent");
        }
        String xdg = System.getenv(xdgVariable);
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : user.resolve(xdgFallback)).resolve("querent");
    }
}
