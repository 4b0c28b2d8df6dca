package org.querent.ui.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The user's preferences: theme, font scale, annotator name, loop settings and recent projects. Saved on
 * every change to a temporary file that is then moved over the old one, so a crash never leaves half a file.
 * Plain Java; the UI binds to it through its view-models.
 */
public final class UserSettings {
    public static final int MAX_RECENT = 8;

    private final Path file;
    private final Properties values = new Properties();

    private UserSettings(Path file) {
        this.file = file;
    }

    /** Loads the settings file (a missing or unreadable one gives the defaults). */
    public static UserSettings load(Path file) {
        UserSettings settings = new UserSettings(file);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                settings.values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                settings.values.clear(); // a damaged settings file only costs the preferences
            }
        }
        return settings;
    }

    public static UserSettings loadDefault() {
        return load(UserDirectories.config().resolve("settings.properties"));
    }

    public synchronized String theme() {
        return values.getProperty("theme", "light");
    }

    public void setTheme(String theme) {
        put("theme", theme);
    }

    /** Font scale in percent: 100, 125 or 150. */
    public synchronized int fontScale() {
        return intValue("fontScale", 100);
    }

    public void setFontScale(int percent) {
        put("fontScale", Integer.toString(percent));
    }

    public synchronized String annotator() {
        return values.getProperty("annotator", System.getProperty("user.name", "annotator"));
    }

    public void setAnnotator(String name) {
        put("annotator", name);
    }

    public synchronized String strategy() {
        return values.getProperty("strategy", "margin");
    }

    public void setStrategy(String strategy) {
        put("strategy", strategy);
    }

    public synchronized int batchSize() {
        return intValue("batchSize", 20);
    }

    public void setBatchSize(int n) {
        put("batchSize", Integer.toString(n));
    }

    /** Retrain after this many decisions (0: only on demand). */
    public synchronized int retrainEvery() {
        return intValue("retrainEvery", 10);
    }

    public void setRetrainEvery(int n) {
        put("retrainEvery", Integer.toString(n));
    }

    /** Cosine above which a candidate counts as a near-duplicate of a labelled or queued item (0: off). */
    public synchronized double nearDuplicate() {
        return doubleValue("nearDuplicate", 0.97);
    }

    /** Share of each batch drawn at random, for an unbiased estimate of the model's accuracy. */
    public synchronized double auditShare() {
        return doubleValue("auditShare", 0.1);
    }

    /** Recent project files, newest first. */
    public synchronized List<Path> recentProjects() {
        String joined = values.getProperty("recent", "");
        List<Path> out = new ArrayList<>();
        for (String s : joined.split("\n")) {
            if (!s.isBlank()) {
                out.add(Path.of(s));
            }
        }
        return out;
    }

    public void addRecentProject(Path project) {
        Path absolute = project.toAbsolutePath().normalize();
        synchronized (this) {
            List<Path> recent = new ArrayList<>(recentProjects());
            recent.remove(absolute);
            recent.add(0, absolute);
            List<String> kept = recent.stream().limit(MAX_RECENT).map(Path::toString).toList();
            values.setProperty("recent", String.join("\n", kept));
        }
        save();
    }

    public void removeRecentProject(Path project) {
        Path absolute = project.toAbsolutePath().normalize();
        synchronized (this) {
            List<String> kept = recentProjects().stream().filter(p -> !p.equals(absolute)).map(Path::toString).toList();
            values.setProperty("recent", String.join("\n", kept));
        }
        save();
    }

    private double doubleValue(String key, double fallback) {
        try {
            return Double.parseDouble(values.getProperty(key, Double.toString(fallback)).trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private int intValue(String key, int fallback) {
        try {
            return Integer.parseInt(values.getProperty(key, Integer.toString(fallback)).trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private void put(String key, String value) {
        synchronized (this) {
            values.setProperty(key, value);
        }
        save();
    }

    /** Writes atomically; a failure (read-only home, full disk) keeps the old file and the values in memory. */
    private synchronized void save() {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                values.store(out, "Querent user settings");
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException ignored) {
            // Preferences are not worth interrupting anyone for; they stay in memory for this run.
        }
    }

    @Override
    public synchronized String toString() {
        return "UserSettings" + Arrays.toString(values.keySet().toArray());
    }
}
