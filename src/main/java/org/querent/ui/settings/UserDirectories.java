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
        String home = System.getProperty("querent.home");
        if (home != null) {
            return Path.of(home, "config");
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path user = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return appData != null ? Path.of(appData, "Querent") : user.resolve("AppData/Roaming/Querent");
        }
        if (os.contains("mac")) {
            return user.resolve("Library/Application Support/Querent");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : user.resolve(".config")).resolve("querent");
    }

    public static Path data() {
        String home = System.getProperty("querent.home");
        if (home != null) {
            return Path.of(home, "data");
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path user = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return local != null ? Path.of(local, "Querent") : user.resolve("AppData/Local/Querent");
        }
        if (os.contains("mac")) {
            return user.resolve("Library/Application Support/Querent");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : user.resolve(".local/share")).resolve("querent");
    }
}
